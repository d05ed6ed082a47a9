import { test, expect, uniq, getJson } from "../fixtures";

// The explorer's endpoints: field names, global search, the artifacts list and the changes feed.

test.describe("explorer endpoints", () => {
  test("GET /api/v1/executions/fields lists the param and metric keys of a pipeline", async ({ request, ingest }) => {
    const pipeline = uniq("fields");
    await ingest([
      { op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-a`, params: { arch: "resnet", opt: { lr: 0.1 } } },
      { op: "metrics", execution: `${pipeline}-a`, values: { test_loss: 0.3 } },
    ]);
    expect(await getJson(request, `/api/v1/executions/fields?pipeline=${pipeline}`)).toEqual({
      params: [
        { key: "arch", type: "string", values: ["resnet"] },
        { key: "opt.lr", type: "number", values: [] },
      ],
      metrics: [{ key: "test_loss" }],
    });
    const all = await getJson(request, "/api/v1/executions/fields");
    expect(all.params.map((p: { key: string }) => p.key)).toEqual(expect.arrayContaining(["arch", "opt.lr"]));
  });

  test("GET /api/v1/search finds an artifact by hash prefix and groups results by kind", async ({ request, ingest }) => {
    const execution = uniq("search");
    const hex = `${Date.now().toString(16)}c0ffee`;
    await ingest([
      { op: "execution.start", pipeline: uniq("search-pipe"), stage: "simulate", execution, name: `simulate ${execution}` },
      { op: "artifact", execution, direction: "output", type: "dataset", name: `ood-${execution}`, uri: "file:///d.h5", hash: `sha256:${hex}` },
    ]);
    const byHash = await getJson(request, `/api/v1/search?q=${hex.slice(0, 9)}`);
    expect(byHash.artifacts).toEqual([expect.objectContaining({ name: `ood-${execution}`, hash: `sha256:${hex}`, match: "hash" })]);
    expect(Object.keys(byHash).sort()).toEqual(["artifacts", "executions", "models", "pipelines", "q", "stages", "versions"]);
    const byName = await getJson(request, `/api/v1/search?q=${execution}&limit=3`);
    expect(byName.executions.map((e: { uuid: string }) => e.uuid)).toEqual([execution]);
  });

  test("GET /api/v1/artifacts filters by type and text, sorts and pages", async ({ request, ingest }) => {
    const execution = uniq("arts");
    const tag = uniq("tag");
    await ingest([
      { op: "execution.start", pipeline: uniq("arts-pipe"), stage: "s", execution },
      ...[3, 1, 2].map((n) => ({ op: "artifact" as const, execution, direction: "output" as const, type: "dataset" as const, name: `${tag}-${n}`, hash: `h-${tag}-${n}`, size: n * 100 })),
      { op: "artifact", execution, direction: "output", type: "model", name: `${tag}-model`, hash: `h-${tag}-m` },
    ]);
    const first = await getJson(request, `/api/v1/artifacts?q=${tag}&type=dataset&sort=-size&limit=2`);
    expect(first.total).toBe(3);
    expect(first.artifacts.map((a: { name: string }) => a.name)).toEqual([`${tag}-3`, `${tag}-2`]);
    const second = await getJson(request, `/api/v1/artifacts?q=${tag}&type=dataset&sort=-size&limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: 3, nextCursor: null, artifacts: [expect.objectContaining({ name: `${tag}-1`, producers: 1, consumers: 0 })] });
  });

  test("GET /api/v1/changes reports what changed after the cursor", async ({ request, ingest }) => {
    const pipeline = uniq("changes");
    const execution = `${pipeline}-run`;
    await ingest([{ op: "execution.start", pipeline, stage: "train", execution }]);
    const start = await getJson(request, `/api/v1/changes?watch=${execution}&pipeline=${pipeline}`);
    expect(start.watched).toEqual([expect.objectContaining({ uuid: execution, status: "RUNNING", stalled: false })]);
    await ingest([
      { op: "series", execution, key: "loss", steps: [1, 2], values: [2, 1] },
      { op: "artifact", execution, direction: "output", type: "model", name: "m", hash: `h-${pipeline}` },
      { op: "execution.end", execution, status: "COMPLETED" },
    ]);
    const next = await getJson(request, `/api/v1/changes?since=${start.cursor}&watch=${execution}&pipeline=${pipeline}`);
    expect(next.executions.map((e: { uuid: string; status: string }) => [e.uuid, e.status])).toEqual([[execution, "COMPLETED"]]);
    expect(next.series).toEqual([expect.objectContaining({ execution, key: "loss", maxStep: 2 })]);
    expect(next.events.filter((e: { execution: { uuid: string } }) => e.execution.uuid === execution)).toHaveLength(1);
  });

  test("errors come back in the one envelope, with the filter position", async ({ request, admin }) => {
    const cases: Array<[string, number, Record<string, unknown>]> = [
      ["/api/v1/changes?since=nope", 422, { code: "invalid", path: "since" }],
      ["/api/v1/changes?include=events,everything", 422, { code: "invalid", path: "include.1" }],
      ["/api/v1/changes?filter=metrics.x%20%3C", 422, { code: "invalid_filter", path: "filter", position: 11 }],
      ["/api/v1/changes?stallSeconds=0", 422, { code: "invalid", path: "stallSeconds" }],
      ["/api/v1/search", 422, { code: "invalid", path: "q" }],
      ["/api/v1/search?q=x&limit=1000", 422, { code: "invalid", path: "limit" }],
      ["/api/v1/artifacts?type=spreadsheet", 422, { code: "invalid", path: "type" }],
      ["/api/v1/artifacts?sort=hash", 422, { code: "invalid", path: "sort" }],
      ["/api/v1/artifacts?cursor=zzz", 422, { code: "invalid", path: "cursor" }],
      ["/api/v1/models?sort=aliases", 422, { code: "invalid", path: "sort" }],
      ["/api/v1/models?cursor=zzz", 422, { code: "invalid", path: "cursor" }],
      ["/api/v1/models?limit=0", 422, { code: "invalid", path: "limit" }],
      ["/api/v1/executions/fields?pipeline=", 422, { code: "invalid", path: "pipeline" }],
    ];
    for (const [url, status, error] of cases) {
      const res = await request.get(url, { headers: admin.headers });
      expect(res.status(), url).toBe(status);
      expect((await res.json()).error, url).toMatchObject(error);
    }
    for (const url of ["/api/v1/changes", "/api/v1/search?q=a", "/api/v1/artifacts", "/api/v1/executions/fields"]) {
      expect((await request.get(url)).status(), url).toBe(401);
    }
  });
});
