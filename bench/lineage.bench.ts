// Lineage latency: depth-10 ancestry from random late nodes of a 100,000-node layered graph.
import { performance } from "node:perf_hooks";
import { buildLayeredGraph, RawGraph, rng } from "../lib/lineage/raw-graph-fixture";
import { subgraph } from "../lib/lineage/subgraph";
import { createTestDb } from "../lib/testing/test-db";
import type { NodeRef } from "../lib/schemas/lineage";
import type { BenchRow } from "./table";

const NODES = 100_000;
const LAYERS = 50;
const QUERIES = 200;
const WARMUP = 20;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export default async function lineageBench(): Promise<BenchRow[]> {
  const t = createTestDb();
  try {
    const built = performance.now();
    const layers = await buildLayeredGraph(await RawGraph.open(t.db), { nodes: NODES, layers: LAYERS });
    const buildMs = performance.now() - built;

    // Focus nodes from the last five layers, artifacts and executions alike.
    const random = rng(7);
    const late: NodeRef[] = layers.slice(-5).flatMap((l) => [
      ...l.artifacts.map((id) => ({ kind: "artifact" as const, id })),
      ...l.executions.map((uuid) => ({ kind: "execution" as const, uuid })),
    ]);
    const focus = Array.from({ length: QUERIES + WARMUP }, () => late[Math.floor(random() * late.length)]);

    const run = async (asOf?: Date) => {
      const times: number[] = [];
      let nodes = 0;
      for (let i = 0; i < focus.length; i++) {
        const start = performance.now();
        const g = await subgraph(t.db, { node: focus[i], direction: "up", depth: 10, maxNodes: 2000, asOf });
        const ms = performance.now() - start;
        if (i < WARMUP) continue;
        times.push(ms);
        nodes += g.nodes.length;
      }
      times.sort((x, y) => x - y);
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), nodes: nodes / QUERIES };
    };
    const plain = await run();
    const asOf = await run(new Date());
    const what = `up depth 10 from ${QUERIES} late nodes`;
    return [
      { measure: `lineage: build ${NODES.toLocaleString("en-US")}-node layered graph (raw inserts)`, value: buildMs, unit: "ms" },
      { measure: "lineage: up depth 10, mean nodes returned", value: plain.nodes, unit: "nodes" },
      { measure: `lineage: ${what}, p50`, value: plain.p50, unit: "ms" },
      { measure: `lineage: ${what}, p95`, value: plain.p95, unit: "ms", target: "≤ 100 ms" },
      { measure: `lineage: ${what} with asOf, p95`, value: asOf.p95, unit: "ms", target: "≤ 100 ms" },
    ];
  } finally {
    await t.close();
  }
}
