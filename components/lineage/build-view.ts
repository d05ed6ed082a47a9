import type { LineageView } from "@/lib/schemas/lineage-view";
import { clusterGraph, type Clustered } from "./cluster-graph";
import type { LineageGraph } from "./graph-model";
import { projectGraph } from "./project-graph";

// The drawn graph of a view: the merged subgraph in the view's mode and grouping, with fan-outs
// collapsed except where the user pulled them apart. The focus and the selected node never hide
// in a cluster.
export function buildView(graph: LineageGraph, v: LineageView): Clustered {
  const projected = projectGraph(graph, v.mode, v.group);
  const keep = new Set([...v.open, graph.focus]);
  // A selected node stays out of clusters; a selected cluster stays a cluster.
  if (v.sel && !v.sel.startsWith("cluster:")) keep.add(v.sel);
  return clusterGraph(projected, { minSize: v.cluster, keep });
}

// Positions survive expansions, clustering and selection; they are recomputed from scratch when
// the base of the view changes (another focus, depth, time, mode or grouping).
export const layoutKey = (v: LineageView) => JSON.stringify([v.node, v.up, v.down, v.asOf, v.max, v.mode, v.group]);
