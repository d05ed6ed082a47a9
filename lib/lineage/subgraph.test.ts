import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { createTestDb } from "../testing/test-db";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { lineageQuery, type Lineage, type LineageQueryInput } from "../schemas/lineage";
import { buildLayeredGraph, RawGraph } from "./raw-graph-fixture";
import { subgraph } from "./subgraph";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

type Ops = IngestBatchInput["ops"];
const apply = (batchId: string, ops: Ops) => applyBatch(db, ingestBatchBody.parse({ batchId, ops }), "test");
const query = (q: LineageQueryInput) => subgraph(db, lineageQuery.parse(q));
const ids = (g: Lineage) => g.nodes.map((n) => n.id).sort();
const hidden = (g: Lineage, id: string) => g.nodes.find((n) => n.id === id)?.hidden;
const sorted = (xs: string[]) => [...xs].sort();

const start = (p: string, stage: string, uuid: string) => ({ op: "execution.start" as const, pipeline: p, stage, execution: uuid, name: `${stage} ${uuid}` });
const art = (uuid: string, direction: "input" | "output", type: "dataset" | "model" | "other", name: string) =>
  ({ op: "artifact" as const, execution: uuid, direction, type, name, hash: `sha256:${name}` });

// dataset → train → model → deploy → output, plus five more consumers of the dataset.
async function chain(p: string) {
  const consumers = [1, 2, 3, 4, 5].map((i) => `${p}-c${i}`);
  const res = await apply(`${p}-b1`, [
    start(p, "train", `${p}-train`),
    art(`${p}-train`, "input", "dataset", `${p}-data`),
    art(`${p}-train`, "output", "model", `${p}-model`),
    start(p, "deploy", `${p}-deploy`),
    art(`${p}-deploy`, "input", "model", `${p}-model`),
    art(`${p}-deploy`, "output", "other", `${p}-out`),
    ...consumers.flatMap((c) => [start(p, "analyse", c), art(c, "input", "dataset", `${p}-data`)]),
  ]);
  const artifactId = (i: number) => `artifact:${res.results[i].artifactId as number}`;
  return {
    data: artifactId(1),
    model: artifactId(2),
    out: artifactId(5),
    train: `execution:${p}-train`,
    deploy: `execution:${p}-deploy`,
    consumers: consumers.map((c) => `execution:${c}`),
  };
}

describe("subgraph", () => {
  let g: Awaited<ReturnType<typeof chain>>;
  beforeAll(async () => {
    g = await chain("ch");
  });

  it("depth 1 up from the model: the dataset is hidden behind the train execution", async () => {
    const r = await query({ node: g.model, direction: "up", depth: "1" });
    expect(r.focus).toBe(g.model);
    expect(r.nodes[0].id).toBe(g.model);
    expect(ids(r)).toEqual(sorted([g.model, g.train]));
    expect(hidden(r, g.train)).toEqual({ up: 1, down: 0 });
    expect(hidden(r, g.model)).toEqual({ up: 0, down: 1 });
    expect(r.edges).toEqual([{ source: g.train, target: g.model, kind: "output" }]);
    expect(r.truncated).toBe(false);
  });

  it("depth 2 and 3 up from the model reach the dataset, whose other consumers stay hidden", async () => {
    for (const depth of [2, 3]) {
      const r = await query({ node: g.model, direction: "up", depth });
      expect(ids(r)).toEqual(sorted([g.model, g.train, g.data]));
      expect(hidden(r, g.data)).toEqual({ up: 0, down: 5 });
      expect(hidden(r, g.train)).toEqual({ up: 0, down: 0 });
      expect(sorted(r.edges.map((e) => `${e.kind} ${e.source}>${e.target}`))).toEqual(
        sorted([`input ${g.data}>${g.train}`, `output ${g.train}>${g.model}`]),
      );
    }
  });

  it("down from the dataset: depth 1 gets all six consumers, depth 3 the deploy execution", async () => {
    const d1 = await query({ node: g.data, direction: "down", depth: 1 });
    expect(ids(d1)).toEqual(sorted([g.data, g.train, ...g.consumers]));
    expect(hidden(d1, g.data)).toEqual({ up: 0, down: 0 });
    expect(hidden(d1, g.train)).toEqual({ up: 0, down: 1 });
    for (const c of g.consumers) expect(hidden(d1, c)).toEqual({ up: 0, down: 0 });
    expect(d1.edges.every((e) => e.kind === "input" && e.source === g.data)).toBe(true);
    expect(d1.edges).toHaveLength(6);

    const d3 = await query({ node: g.data, direction: "down", depth: 3 });
    expect(ids(d3)).toEqual(sorted([g.data, g.train, ...g.consumers, g.model, g.deploy]));
    expect(hidden(d3, g.deploy)).toEqual({ up: 0, down: 1 });
    expect(hidden(d3, g.model)).toEqual({ up: 0, down: 0 });
  });

  it("both is ancestors plus descendants, without the siblings of the focus", async () => {
    const r = await query({ node: g.model, depth: 2 }); // direction defaults to both
    expect(ids(r)).toEqual(sorted([g.data, g.train, g.model, g.deploy, g.out]));
    expect(hidden(r, g.data)).toEqual({ up: 0, down: 5 });
    expect(hidden(r, g.out)).toEqual({ up: 0, down: 0 });
    expect(r.edges).toHaveLength(4);

    const fromExec = await query({ node: g.train, direction: "both", depth: 1 });
    expect(ids(fromExec)).toEqual(sorted([g.data, g.train, g.model]));
    expect(hidden(fromExec, g.model)).toEqual({ up: 0, down: 1 });
    expect(hidden(fromExec, g.data)).toEqual({ up: 0, down: 5 });
  });

  it("carries the node fields of each kind", async () => {
    const r = await query({ node: g.train, depth: 1 });
    const exec = r.nodes.find((n) => n.id === g.train);
    const data = r.nodes.find((n) => n.id === g.data);
    expect(exec).toMatchObject({ kind: "execution", type: "train", label: "train ch-train", uuid: "ch-train", status: "RUNNING", pipeline: "ch", stage: "train", endedAt: null });
    expect(data).toMatchObject({ kind: "artifact", type: "dataset", label: "ch-data", hash: "sha256:ch-data", uri: null, size: null });
    expect(data && "createdAt" in data && !Number.isNaN(Date.parse(data.createdAt))).toBe(true);
  });

  it("names the registered model versions an artifact is", async () => {
    const out = (name: string) => ({ op: "artifact" as const, execution: "mv-train", direction: "output" as const, type: "model" as const, name, hash: `sha256:${name}` });
    await apply("mv-1", [
      start("mv", "train", "mv-train"),
      out("mv-net"),
      out("mv-plain"),
      { op: "model.version", model: "mv-net", hash: "sha256:mv-net", execution: "mv-train" },
    ]);
    const r = await query({ node: "execution:mv-train", direction: "down", depth: 1 });
    const byName = (label: string) => r.nodes.find((n) => n.label === label);
    expect(byName("mv-net")).toMatchObject({ modelVersions: [{ model: "mv-net", version: 1 }] });
    expect(byName("mv-plain")).toMatchObject({ modelVersions: [] });
  });

  it("stops at maxNodes, says so, and counts the cut neighbours as hidden", async () => {
    const r = await query({ node: g.data, direction: "down", depth: 3, maxNodes: 4 });
    expect(r.nodes).toHaveLength(4);
    expect(r.truncated).toBe(true);
    expect(hidden(r, g.data)).toEqual({ up: 0, down: 3 });
    const exact = await query({ node: g.data, direction: "down", depth: 1, maxNodes: 7 });
    expect(exact.truncated).toBe(false);
    expect(exact.nodes).toHaveLength(7);
  });

  it("answers 404 for an unknown focus node", async () => {
    await expect(query({ node: "artifact:999999" })).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(query({ node: "execution:nope-123" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("subgraph asOf", () => {
  it("replays the graph as it was: later events and nodes do not exist", async () => {
    const g = await chain("asof");
    const before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const late = await apply("asof-b2", [
      start("asof", "audit", "asof-late"),
      art("asof-late", "input", "model", "asof-model"),
      art("asof-late", "output", "other", "asof-report"),
    ]);
    const report = `artifact:${late.results[2].artifactId as number}`;

    const now = await query({ node: g.model, direction: "down", depth: 2 });
    expect(ids(now)).toEqual(sorted([g.model, g.deploy, g.out, "execution:asof-late", report]));

    const then = await query({ node: g.model, direction: "down", depth: 2, asOf: before.toISOString() });
    expect(ids(then)).toEqual(sorted([g.model, g.deploy, g.out]));
    const shallow = await query({ node: g.model, direction: "down", depth: 1, asOf: before.toISOString() });
    expect(hidden(shallow, g.deploy)).toEqual({ up: 0, down: 1 });
    const upThen = await query({ node: g.model, direction: "up", depth: 1, asOf: before.toISOString() });
    expect(hidden(upThen, g.model)).toEqual({ up: 0, down: 1 }); // only deploy, not the later audit

    await expect(query({ node: report, asOf: before.toISOString() })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("did not exist yet"),
    });
  });
});

describe("lineageQuery", () => {
  it("applies defaults and parses node ids", () => {
    expect(lineageQuery.parse({ node: "execution:a:b-1" })).toEqual({
      node: { kind: "execution", uuid: "a:b-1" },
      direction: "both",
      depth: 1,
      maxNodes: 2000,
    });
    expect(lineageQuery.parse({ node: "artifact:42", depth: "50" }).node).toEqual({ kind: "artifact", id: 42 });
  });

  it.each([
    [{ node: "dataset:1" }, "node"],
    [{ node: "artifact:abc" }, "node"],
    [{ node: "artifact:99999999999" }, "node"],
    [{}, "node"],
    [{ node: "artifact:1", depth: "0" }, "depth"],
    [{ node: "artifact:1", depth: "51" }, "depth"],
    [{ node: "artifact:1", depth: "1.5" }, "depth"],
    [{ node: "artifact:1", direction: "sideways" }, "direction"],
    [{ node: "artifact:1", asOf: "yesterday" }, "asOf"],
    [{ node: "artifact:1", maxNodes: "5001" }, "maxNodes"],
  ])("rejects %j at %s", (input, path) => {
    const r = lineageQuery.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path.join(".")).toBe(path);
  });
});

describe("subgraph on wide and random graphs", () => {
  it("handles levels of thousands of ids and cuts them at maxNodes", async () => {
    const n = 4000;
    const graph = await RawGraph.open(db, "wide");
    const a = graph.artifact("wide-data");
    for (let i = 0; i < n; i++) graph.event(graph.execution(`wide-${i}`), a, "INPUT");
    await graph.write();
    const data = `artifact:${a}`;
    const r = await query({ node: data, direction: "down", depth: 2, maxNodes: 5000 });
    expect(r.nodes).toHaveLength(n + 1);
    expect(r.edges).toHaveLength(n);
    expect(r.truncated).toBe(false);
    expect(hidden(r, data)).toEqual({ up: 0, down: 0 });
    const cut = await query({ node: data, direction: "down", depth: 1, maxNodes: 1001 });
    expect(cut.nodes).toHaveLength(1001);
    expect(cut.truncated).toBe(true);
    expect(hidden(cut, data)).toEqual({ up: 0, down: n - 1000 });
  });

  it("matches a brute-force ancestry on a random layered graph, hidden counts included", async () => {
    const layers = await buildLayeredGraph(await RawGraph.open(db, "layered"), { nodes: 600, layers: 12, seed: 3 });
    // The whole graph in memory, keyed like the API's node ids.
    const rows = await db.event.findMany({
      where: { execution: { pipeline: { name: "layered" } } },
      select: { artifactId: true, direction: true, execution: { select: { uuid: true } } },
    });
    const up = new Map<string, string[]>();
    const down = new Map<string, string[]>();
    const link = (from: string, to: string) => {
      down.set(from, [...(down.get(from) ?? []), to]);
      up.set(to, [...(up.get(to) ?? []), from]);
    };
    for (const e of rows) {
      const a = `artifact:${e.artifactId}`;
      const x = `execution:${e.execution.uuid}`;
      if (e.direction === "INPUT") link(a, x);
      else link(x, a);
    }
    const focus = `artifact:${layers[11].artifacts[0]}`;
    for (const depth of [1, 4, 7]) {
      let frontier = [focus];
      const seen = new Set(frontier);
      for (let d = 0; d < depth; d++) {
        frontier = frontier.flatMap((n) => up.get(n) ?? []).filter((n) => !seen.has(n) && seen.add(n));
      }
      const r = await query({ node: focus, direction: "up", depth });
      expect(ids(r)).toEqual(sorted([...seen]));
      for (const node of r.nodes) {
        const outside = (m: Map<string, string[]>) => (m.get(node.id) ?? []).filter((n) => !seen.has(n)).length;
        expect(node.hidden, node.id).toEqual({ up: outside(up), down: outside(down) });
      }
      const expectedEdges = rows.filter((e) => seen.has(`artifact:${e.artifactId}`) && seen.has(`execution:${e.execution.uuid}`));
      expect(r.edges).toHaveLength(expectedEdges.length);
    }
  });
});
