import { test, expect, uniq, auth, getJson } from "../fixtures";

test.describe("POST /api/v1/batches", () => {
  test("applies every op and answers with one result per op", async ({ request, admin }) => {
    const exec = uniq("exec");
    const pipeline = uniq("pipe");
    const res = await request.post("/api/v1/batches", {
      headers: admin.headers,
      data: {
        batchId: uniq("b"),
        ops: [
          { op: "execution.start", pipeline, stage: "train", execution: exec, name: "train it1", params: { lr: 0.001, arch: "resnet" } },
          { op: "artifact", execution: exec, direction: "input", type: "dataset", name: "partial", hash: `sha256:${exec}`, size: 12 },
          { op: "series", execution: exec, key: "train_loss", steps: [1, 2, 3], values: [0.9, "NaN", 0.6] },
          { op: "metrics", execution: exec, values: { test_loss: 0.31, weird: "Infinity" } },
          { op: "artifact", execution: exec, direction: "output", type: "model", name: "EKE-ResNet", hash: `sha256:m-${exec}` },
          { op: "model.version", model: uniq("model"), hash: `sha256:m-${exec}`, execution: exec },
          { op: "execution.end", execution: exec, status: "COMPLETED" },
        ],
      },
    });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.applied).toBe(7);
    expect(body.results.map((r: { op: string }) => r.op)).toEqual([
      "execution.start", "artifact", "series", "metrics", "artifact", "model.version", "execution.end",
    ]);
    const detail = await getJson(request, `/api/v1/executions/${exec}`);
    expect(detail).toMatchObject({ pipeline, stage: "train", status: "COMPLETED", params: { lr: 0.001, arch: "resnet" } });
    expect(detail.metrics).toEqual({ test_loss: 0.31, weird: "Infinity" });
    expect(detail.inputs.map((a: { name: string }) => a.name)).toEqual(["partial"]);
    expect(detail.series).toEqual([expect.objectContaining({ key: "train_loss", rank: 0, count: 3, minStep: 1, maxStep: 3 })]);
  });

  test("a failing op leaves nothing written", async ({ request, admin }) => {
    const pipeline = uniq("atomic");
    const exec = uniq("exec");
    const res = await request.post("/api/v1/batches", {
      headers: admin.headers,
      data: {
        batchId: uniq("b"),
        ops: [
          { op: "execution.start", pipeline, stage: "s", execution: exec },
          { op: "artifact", execution: exec, direction: "output", type: "dataset", name: "d", hash: "sha256:x" },
          { op: "model.version", model: "m", hash: "sha256:not-logged" },
        ],
      },
    });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "unknown_artifact", path: "ops.2.hash" });
    const missing = await request.get(`/api/v1/executions/${exec}`, { headers: admin.headers });
    expect(missing.status()).toBe(404);
    const { pipelines } = await getJson(request, "/api/v1/pipelines");
    expect(pipelines.map((p: { name: string }) => p.name)).not.toContain(pipeline);
  });

  test("a repeated batchId returns the first response and writes nothing", async ({ request, admin }) => {
    const exec = uniq("exec");
    const data = {
      batchId: uniq("retry"),
      ops: [
        { op: "execution.start", pipeline: uniq("p"), stage: "s", execution: exec },
        { op: "series", execution: exec, key: "loss", steps: [1, 2], values: [2, 1] },
      ],
    };
    const first = await request.post("/api/v1/batches", { headers: admin.headers, data });
    const second = await request.post("/api/v1/batches", { headers: admin.headers, data });
    expect(second.status()).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    const detail = await getJson(request, `/api/v1/executions/${exec}`);
    expect(detail.series[0].count).toBe(2);
  });

  test("the same artifact logged by two executions links them into one chain", async ({ request, ingest }) => {
    const pipeline = uniq("chain");
    const [a, b] = [uniq("produce"), uniq("consume")];
    const hash = `sha256:${uniq("h")}`;
    await ingest([
      { op: "execution.start", pipeline, stage: "produce", execution: a },
      { op: "artifact", execution: a, direction: "output", type: "dataset", name: "shared", hash },
    ]);
    const second = (await ingest([
      { op: "execution.start", pipeline, stage: "consume", execution: b },
      { op: "artifact", execution: b, direction: "input", type: "dataset", name: "shared", hash },
    ])) as { results: Array<{ artifactId?: number; created?: boolean }> };
    expect(second.results[1].created).toBe(false);
    const artifact = await getJson(request, `/api/v1/artifacts/${second.results[1].artifactId}`);
    expect(artifact.producers.map((e: { uuid: string }) => e.uuid)).toEqual([a]);
    expect(artifact.consumers.map((e: { uuid: string }) => e.uuid)).toEqual([b]);
  });

  test("accepts 10,000-point series ops", async ({ request, admin, ingest }) => {
    const exec = uniq("big");
    const steps = Array.from({ length: 10_000 }, (_, i) => i);
    await ingest([
      { op: "execution.start", pipeline: uniq("p"), stage: "s", execution: exec },
      { op: "series", execution: exec, key: "residual", rank: 3, steps, values: steps.map((s) => 1 / (s + 1)) },
    ]);
    const res = await request.get(`/api/v1/executions/${exec}`, { headers: auth(admin.token) });
    expect((await res.json()).series).toEqual([expect.objectContaining({ key: "residual", rank: 3, count: 10_000 })]);
  });
});
