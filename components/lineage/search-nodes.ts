import type { LineageGraph } from "./graph-model";

// In-graph search over every node of the subgraph, including those collapsed into clusters.

export type SearchHit = { id: string; kind: "artifact" | "execution"; label: string; detail: string; cluster?: string };

export function searchNodes(graph: LineageGraph, query: string, memberOf: ReadonlyMap<string, string>, limit = 20): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<{ hit: SearchHit; score: number }> = [];
  for (const n of Object.values(graph.nodes)) {
    const label = n.label.toLowerCase();
    const extra = n.kind === "artifact" ? [n.type, n.hash, n.uri ?? ""] : [n.stage, n.pipeline, n.uuid, n.status];
    let score: number;
    if (label === q || n.id.toLowerCase() === q) score = 0;
    else if (label.startsWith(q)) score = 1;
    else if (label.includes(q)) score = 2;
    else if (extra.some((x) => x.toLowerCase().includes(q)) || n.id.toLowerCase().includes(q)) score = 3;
    else continue;
    const detail = n.kind === "artifact" ? n.type : `${n.stage} · ${n.status}`;
    scored.push({ hit: { id: n.id, kind: n.kind, label: n.label, detail, cluster: memberOf.get(n.id) }, score });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.label.localeCompare(b.hit.label));
  return scored.slice(0, limit).map((s) => s.hit);
}
