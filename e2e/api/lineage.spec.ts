import { test, expect, uniq, auth, getJson } from "../fixtures";
import type { IngestBatchInput } from "../../lib/schemas/ingest";

type Ops = IngestBatchInput["ops"];

type Node = { id: string; kind: string; type: string; label: string; hidden: { up: number; down: number } } & Record<string, unknown>;
type Graph = { focus: string; nodes: Node[]; edges: { source: string; target: string; kind: string }[]; truncated: boolean };

const artifactId = (result: unknown, i: number) => `artifact:${(result as { results: { artifactId: number }[] }).results[i].artifactId}`;
const ids = (g: Graph) => g.nodes.map((n) => n.id).sort();
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id);
const sorted = (xs: string[]) => [...xs].sort();

test.describe("GET /api/v1/lineage", () => {
  // simulate → dataset → train → model → deploy, each execution in its own batch: the dataset and
  // the model are logged twice with the same (type, name, hash), which makes them one node each.
  async function chain(ingest: (ops: Ops) => Promise<unknown>, p: string) {
    const sim = `${p}-sim`, train = `${p}-train`, deploy = `${p}-deploy`;
    const dataset = { type: "dataset", name: `${p}-data`, hash: `sha256:${p}-d` } as const;
    const model = { type: "model", name: `${p}-model`, hash: `sha256:${p}-m` } as const;
    const a = await ingest([
      { op: "execution.start", pipeline: p, stage: "simulate", execution: sim },
      { op: "artifact", execution: sim, direction: "output", ...dataset, uri: "file:///data/d.h5", size: 1234 },
      { op: "execution.end", execution: sim, status: "COMPLETED" },
    ]);
    const b = await ingest([
      { op: "execution.start", pipeline: p, stage: "train", execution: train, name: "train it1" },
      { op: "artifact", execution: train, direction: "input", ...dataset },
      { op: "artifact", execution: train, direction: "output", ...model },
    ]);
    await ingest([
      { op: "execution.start", pipeline: p, stage: "deploy", execution: deploy },
      { op: "artifact", execution: deploy, direction: "input", ...model },
      ...[1, 2, 3].flatMap((i): Ops => [
        { op: "execution.start", pipeline: p, stage: "analyse", execution: `${p}-c${i}` },
        { op: "artifact", execution: `${p}-c${i}`, direction: "input", ...dataset },
      ]),
    ]);
    expect(artifactId(b, 1)).toBe(artifactId(a, 1));
    return {
      data: artifactId(a, 1),
      model: artifactId(b, 2),
      sim: `execution:${sim}`,
      train: `execution:${train}`,
      deploy: `execution:${deploy}`,
      consumers: [1, 2, 3].map((i) => `execution:${p}-c${i}`),
    };
  }

  test("connects executions through artifacts logged with the same hash", async ({ request, ingest }) => {
    const p = uniq("lin");
    const g = await chain(ingest, p);
    const up = (depth: number): Promise<Graph> =>
      getJson(request, `/api/v1/lineage?node=${g.model}&direction=up&depth=${depth}`);

    const d1 = await up(1);
    expect(d1.focus).toBe(g.model);
    expect(ids(d1)).toEqual(sorted([g.model, g.train]));
    expect(node(d1, g.train)?.hidden).toEqual({ up: 1, down: 0 });
    expect(node(d1, g.model)?.hidden).toEqual({ up: 0, down: 1 });

    const d3 = await up(3);
    expect(ids(d3)).toEqual(sorted([g.model, g.train, g.data, g.sim]));
    expect(node(d3, g.data)).toMatchObject({ kind: "artifact", type: "dataset", label: `${p}-data`, uri: "file:///data/d.h5", size: 1234, hidden: { up: 0, down: 3 } });
    expect(node(d3, g.sim)).toMatchObject({ kind: "execution", type: "simulate", stage: "simulate", pipeline: p, status: "COMPLETED", hidden: { up: 0, down: 0 } });
    expect(node(d3, g.train)).toMatchObject({ label: "train it1", uuid: `${p}-train`, status: "RUNNING" });
    expect(d3.edges).toEqual(
      expect.arrayContaining([
        { source: g.sim, target: g.data, kind: "output" },
        { source: g.data, target: g.train, kind: "input" },
        { source: g.train, target: g.model, kind: "output" },
      ]),
    );
    expect(d3.edges).toHaveLength(3);
    expect(d3.truncated).toBe(false);
  });

  test("follows direction, depth and maxNodes", async ({ request, ingest }) => {
    const g = await chain(ingest, uniq("dir"));
    const get = (q: string): Promise<Graph> => getJson(request, `/api/v1/lineage?${q}`);

    const down = await get(`node=${g.data}&direction=down&depth=1`);
    expect(ids(down)).toEqual(sorted([g.data, g.train, ...g.consumers]));
    expect(node(down, g.data)?.hidden).toEqual({ up: 1, down: 0 });
    expect(down.edges.every((e) => e.kind === "input" && e.source === g.data)).toBe(true);

    const deep = await get(`node=${g.data}&direction=down&depth=3`);
    expect(ids(deep)).toEqual(sorted([g.data, g.train, ...g.consumers, g.model, g.deploy]));

    // Default: both directions, depth 1, from an execution.
    const both = await get(`node=${encodeURIComponent(g.train)}`);
    expect(ids(both)).toEqual(sorted([g.train, g.data, g.model]));
    expect(node(both, g.data)?.hidden).toEqual({ up: 1, down: 3 });
    expect(node(both, g.model)?.hidden).toEqual({ up: 0, down: 1 });

    const cut = await get(`node=${g.data}&direction=down&depth=2&maxNodes=3`);
    expect(cut.nodes).toHaveLength(3);
    expect(cut.truncated).toBe(true);
    expect(node(cut, g.data)?.hidden).toEqual({ up: 1, down: 2 });
  });

  test("asOf replays the graph as it was", async ({ request, ingest, admin }) => {
    const p = uniq("asof");
    const g = await chain(ingest, p);
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const late = `${p}-late`;
    await ingest([
      { op: "execution.start", pipeline: p, stage: "audit", execution: late },
      { op: "artifact", execution: late, direction: "input", type: "model", name: `${p}-model`, hash: `sha256:${p}-m` },
    ]);
    const get = (q: string): Promise<Graph> => getJson(request, `/api/v1/lineage?${q}`);

    const now = await get(`node=${g.model}&direction=down`);
    expect(ids(now)).toEqual(sorted([g.model, g.deploy, `execution:${late}`]));
    const then = await get(`node=${g.model}&direction=down&asOf=${encodeURIComponent(before)}`);
    expect(ids(then)).toEqual(sorted([g.model, g.deploy]));
    expect(node(then, g.model)?.hidden).toEqual({ up: 1, down: 0 }); // train, not shown going down
    const thenUp = await get(`node=${g.model}&direction=up&asOf=${encodeURIComponent(before)}`);
    expect(node(thenUp, g.model)?.hidden).toEqual({ up: 0, down: 1 });

    const missing = await request.get(`/api/v1/lineage?node=execution:${late}&asOf=${encodeURIComponent(before)}`, { headers: admin.headers });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: "not_found", message: expect.stringMatching(/did not exist yet/) });
  });

  const errors = [
    { name: "unknown artifact", q: "node=artifact:2147483647", status: 404, code: "not_found" },
    { name: "unknown execution", q: `node=execution:${uniq("nope")}`, status: 404, code: "not_found" },
    { name: "malformed node", q: "node=dataset:12", status: 422, code: "invalid", path: "node" },
    { name: "non-numeric artifact", q: "node=artifact:abc", status: 422, code: "invalid", path: "node" },
    { name: "missing node", q: "direction=up", status: 422, code: "invalid", path: "node" },
    { name: "depth 0", q: "node=artifact:1&depth=0", status: 422, code: "invalid", path: "depth" },
    { name: "depth too large", q: "node=artifact:1&depth=51", status: 422, code: "invalid", path: "depth" },
    { name: "bad direction", q: "node=artifact:1&direction=sideways", status: 422, code: "invalid", path: "direction" },
    { name: "bad asOf", q: "node=artifact:1&asOf=yesterday", status: 422, code: "invalid", path: "asOf" },
  ];
  for (const c of errors) {
    test(`${c.status} ${c.name}`, async ({ request, admin }) => {
      const res = await request.get(`/api/v1/lineage?${c.q}`, { headers: admin.headers });
      expect(res.status()).toBe(c.status);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(["error"]);
      expect(body.error.code).toBe(c.code);
      if (c.path) expect(body.error.path).toBe(c.path);
      else expect(body.error.path).toBeUndefined();
      expect(body.error.message.length).toBeGreaterThan(10);
    });
  }

  test("needs a token; read scope is enough", async ({ request, ingest, tokenFor }) => {
    const g = await chain(ingest, uniq("auth"));
    const anonymous = await request.get(`/api/v1/lineage?node=${g.data}`);
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");
    const read = await request.get(`/api/v1/lineage?node=${g.data}`, { headers: auth(await tokenFor("read")) });
    expect(read.status()).toBe(200);
  });
});
