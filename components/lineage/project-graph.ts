import type { Grouping, ViewMode } from "@/lib/schemas/lineage-view";
import type { Counts, GraphNode, LineageGraph } from "./graph-model";

// What is drawn: the merged graph seen in one mode. "artifacts" folds each execution into edges
// from its inputs to its outputs, "executions" folds each artifact into edges from its producers
// to its consumers; a folded node's hidden neighbours are counted on the nodes it connected, so
// the "+N" badges still say where there is more upstream or downstream.

export type ViewNode = {
  id: string;
  kind: "artifact" | "execution" | "cluster";
  // Artifacts by type, executions by stage: what "same type" means for fan-out clustering.
  typeKey: string;
  label: string;
  hidden: Counts;
  status?: string;
  group?: string;
  focus?: boolean;
  // Clusters only: the kind and ids of the nodes collapsed into it.
  memberKind?: "artifact" | "execution";
  members?: string[];
};
export type ViewEdge = {
  id: string;
  source: string;
  target: string;
  kind: "input" | "output" | "derived";
  // How many edges of the full graph this one stands for (folded executions/artifacts, clusters).
  count: number;
};
export type ViewGraph = { nodes: ViewNode[]; edges: ViewEdge[] };

export const typeKeyOf = (n: GraphNode) => (n.kind === "artifact" ? n.type : n.stage);

// The box a node is drawn in when grouping: an execution's stage or pipeline; an artifact goes with
// the execution that produced it, or failing that the first one that consumed it.
export function groupsOf(graph: LineageGraph, grouping: Grouping): Map<string, string> {
  const out = new Map<string, string>();
  if (grouping === "none") return out;
  const key = (n: GraphNode) => (n.kind === "execution" ? (grouping === "stage" ? `${n.pipeline} / ${n.stage}` : n.pipeline) : undefined);
  for (const n of Object.values(graph.nodes)) {
    const k = key(n);
    if (k) out.set(n.id, k);
  }
  const edges = Object.values(graph.edges);
  for (const kind of ["output", "input"] as const) {
    for (const e of edges) {
      if (e.kind !== kind) continue;
      const artifact = kind === "output" ? e.target : e.source;
      const execution = kind === "output" ? e.source : e.target;
      const g = out.get(execution);
      if (g && !out.has(artifact)) out.set(artifact, g);
    }
  }
  return out;
}

// A registered model version says which one it is: two iterations of "EKE-Bottleneck" are told
// apart on the graph as "EKE-Bottleneck v1" and "EKE-Bottleneck v2".
function displayLabel(n: GraphNode): string {
  if (n.kind !== "artifact" || n.modelVersions.length === 0) return n.label;
  const { model, version } = n.modelVersions[n.modelVersions.length - 1];
  return model === n.label ? `${n.label} v${version}` : `${n.label} (${model} v${version})`;
}

function viewNode(n: GraphNode, focus: string, groups: Map<string, string>): ViewNode {
  return {
    id: n.id,
    kind: n.kind,
    typeKey: typeKeyOf(n),
    label: displayLabel(n),
    hidden: { ...n.hidden },
    status: n.kind === "execution" ? n.status : undefined,
    group: groups.get(n.id),
    focus: n.id === focus || undefined,
  };
}

export function projectGraph(graph: LineageGraph, mode: ViewMode, grouping: Grouping = "none"): ViewGraph {
  const groups = groupsOf(graph, grouping);
  const all = Object.values(graph.nodes);
  const edges = Object.values(graph.edges);
  if (mode === "all") {
    return {
      nodes: all.map((n) => viewNode(n, graph.focus, groups)),
      edges: edges.map((e) => ({ id: `${e.source}>${e.target}`, source: e.source, target: e.target, kind: e.kind, count: 1 })),
    };
  }
  const keep = mode === "artifacts" ? "artifact" : "execution";
  const nodes = new Map(all.filter((n) => n.kind === keep).map((n) => [n.id, viewNode(n, graph.focus, groups)]));
  const ups = new Map<string, string[]>();
  const downs = new Map<string, string[]>();
  for (const e of edges) {
    (downs.get(e.source) ?? downs.set(e.source, []).get(e.source)!).push(e.target);
    (ups.get(e.target) ?? ups.set(e.target, []).get(e.target)!).push(e.source);
  }
  const derived = new Map<string, ViewEdge>();
  for (const folded of all) {
    if (folded.kind === keep) continue;
    const before = ups.get(folded.id) ?? [];
    const after = downs.get(folded.id) ?? [];
    // What lies beyond the folded node counts as hidden on the kept nodes next to it.
    for (const id of after) nodes.get(id)!.hidden.up += folded.hidden.up;
    for (const id of before) nodes.get(id)!.hidden.down += folded.hidden.down;
    for (const s of before) {
      for (const t of after) {
        if (s === t) continue; // consumed and produced by the same step: no edge to draw
        const id = `${s}>${t}`;
        const e = derived.get(id);
        if (e) e.count++;
        else derived.set(id, { id, source: s, target: t, kind: "derived", count: 1 });
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...derived.values()] };
}
