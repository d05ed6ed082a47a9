import type { Lineage, LineageEdge, LineageNode } from "@/lib/schemas/lineage";

// The client's lineage graph: the union of every lineage answer the view asked for. Each answer
// says, per node, how many neighbours it left out ("hidden"); together with the neighbours it did
// return that gives the node's total degree, which stays true whatever else is merged later. The
// hidden counts shown are then always total − neighbours known now, so they shrink as expansions
// bring neighbours in, whichever request brought them.

export type Counts = { up: number; down: number };
export type GraphNode = LineageNode & { total: Counts };
export type LineageGraph = {
  focus: string;
  nodes: Record<string, GraphNode>;
  edges: Record<string, LineageEdge>;
  truncated: boolean;
};

export const edgeKey = (e: { source: string; target: string }) => `${e.source}>${e.target}`;

export const emptyGraph = (focus: string): LineageGraph => ({ focus, nodes: {}, edges: {}, truncated: false });

export function mergeLineage(graph: LineageGraph, answer: Lineage): LineageGraph {
  // Neighbours this answer returned, per node and direction (edges always point downstream).
  const returned = new Map<string, Counts>();
  const count = (id: string) => {
    let c = returned.get(id);
    if (!c) returned.set(id, (c = { up: 0, down: 0 }));
    return c;
  };
  for (const e of answer.edges) {
    count(e.target).up++;
    count(e.source).down++;
  }

  const nodes: Record<string, GraphNode> = { ...graph.nodes };
  for (const n of answer.nodes) {
    const c = returned.get(n.id) ?? { up: 0, down: 0 };
    nodes[n.id] = { ...n, total: { up: n.hidden.up + c.up, down: n.hidden.down + c.down } };
  }
  const edges: Record<string, LineageEdge> = { ...graph.edges };
  for (const e of answer.edges) if (nodes[e.source] && nodes[e.target]) edges[edgeKey(e)] = e;

  return withHidden({ focus: graph.focus, nodes, edges, truncated: graph.truncated || answer.truncated });
}

// hidden = total degree − neighbours present in the graph, per direction.
export function withHidden(graph: LineageGraph): LineageGraph {
  const known = new Map<string, Counts>();
  const count = (id: string) => {
    let c = known.get(id);
    if (!c) known.set(id, (c = { up: 0, down: 0 }));
    return c;
  };
  for (const e of Object.values(graph.edges)) {
    count(e.target).up++;
    count(e.source).down++;
  }
  const nodes: Record<string, GraphNode> = {};
  for (const [id, n] of Object.entries(graph.nodes)) {
    const k = known.get(id) ?? { up: 0, down: 0 };
    const hidden = { up: Math.max(0, n.total.up - k.up), down: Math.max(0, n.total.down - k.down) };
    nodes[id] = n.hidden.up === hidden.up && n.hidden.down === hidden.down ? n : { ...n, hidden };
  }
  return { ...graph, nodes };
}

// The merged graph of a list of answers, in order. Missing answers (still loading) are skipped.
export function buildGraph(focus: string, answers: Array<Lineage | undefined>): LineageGraph {
  let g = emptyGraph(focus);
  for (const a of answers) if (a) g = mergeLineage(g, a);
  return g;
}

// Plain JSON of the subgraph (the "JSON" export): the API's own shape, hidden counts as shown.
export function graphJson(graph: LineageGraph): Lineage {
  return {
    focus: graph.focus,
    nodes: Object.values(graph.nodes).map(({ total: _total, ...n }) => n),
    edges: Object.values(graph.edges),
    truncated: graph.truncated,
  };
}
