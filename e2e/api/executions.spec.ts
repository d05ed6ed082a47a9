import { test, expect, uniq, getJson } from "../fixtures";

test.describe("GET /api/v1/executions", () => {
  test("filters with AND/OR/parentheses, sorts and pages", async ({ request, ingest }) => {
    const pipeline = uniq("explore");
    const runs = [
      ["r1", "resnet", 0.35],
      ["r2", "resnet", 0.5],
      ["b1", "bottleneck", 0.3],
      ["b2", "bottleneck", 0.45],
      ["x1", "mlp", 0.1],
    ] as const;
    await ingest(
      runs.flatMap(([name, arch, loss]) => [
        { op: "execution.start" as const, pipeline, stage: "train", execution: `${pipeline}-${name}`, name, params: { arch } },
        { op: "metrics" as const, execution: `${pipeline}-${name}`, values: { test_loss: loss } },
      ]),
    );
    const q = (params: Record<string, string>) =>
      getJson(request, `/api/v1/executions?${new URLSearchParams({ pipeline, ...params })}`);

    const filter = 'metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")';
    const filtered = await q({ filter, sort: "metrics.test_loss" });
    expect(filtered.executions.map((e: { name: string }) => e.name)).toEqual(["b1", "r1"]);
    expect(filtered.total).toBe(2);
    expect(filtered.executions[0]).toMatchObject({ pipeline, stage: "train", params: { arch: "bottleneck" }, metrics: { test_loss: 0.3 } });

    // Without parentheses AND binds tighter: resnet runs of any loss, plus bottleneck below 0.4.
    const precedence = await q({ filter: 'params.arch = "resnet" OR params.arch = "bottleneck" AND metrics.test_loss < 0.4', sort: "name" });
    expect(precedence.executions.map((e: { name: string }) => e.name)).toEqual(["b1", "r1", "r2"]);

    const first = await q({ sort: "-metrics.test_loss", limit: "2" });
    expect(first.executions.map((e: { name: string }) => e.name)).toEqual(["r2", "b2"]);
    const second = await q({ sort: "-metrics.test_loss", limit: "2", cursor: first.nextCursor });
    expect(second.executions.map((e: { name: string }) => e.name)).toEqual(["r1", "b1"]);
  });

  test("lists pipelines with stages and counts", async ({ request, ingest }) => {
    const pipeline = uniq("plist");
    await ingest([
      { op: "execution.start", pipeline, stage: "simulate", execution: `${pipeline}-a` },
      { op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-b` },
      { op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-c` },
    ]);
    const { pipelines } = await getJson(request, "/api/v1/pipelines");
    expect(pipelines.find((p: { name: string }) => p.name === pipeline)).toMatchObject({
      executions: 3,
      stages: [{ name: "simulate", executions: 1 }, { name: "train", executions: 2 }],
    });
  });
});
