import type { ViewEdge, ViewGraph, ViewNode } from "./project-graph";

// Fan-out clustering: when a node has many same-type neighbours on one side (checkpoints of a
// training run, trials of a sweep, OOD sample sets) that hang off it alone, they collapse into one
// cluster node with a count. "Hang off it alone" means: on the side facing it they are connected
// to exactly the same nodes (usually just the one anchor; in the artifacts-only view, the inputs
// of the run that wrote them all). Their edges to anything further away move onto the cluster, so
// the next fan-out (each trial's model) can collapse too: passes repeat until nothing changes.
//
// Cluster ids are derived from the anchors, side and type, so they stay the same while the graph
// grows, which lets the address name the clusters a user pulled apart.

export type ClusterOptions = {
  // Fan-outs of at least this many eligible nodes collapse; 0 disables clustering.
  minSize: number;
  // Cluster ids not to form, and node ids never to put in a cluster (focus, selection, pulled out).
  keep: ReadonlySet<string>;
};
export type Clustered = ViewGraph & { memberOf: Map<string, string> };

const MAX_PASSES = 4;

export const clusterId = (anchor: string, side: "up" | "down", kind: string, typeKey: string) =>
  `cluster:${side}:${kind}:${typeKey}@${anchor}`;

export function clusterGraph(view: ViewGraph, options: ClusterOptions): Clustered {
  const memberOf = new Map<string, string>();
  if (options.minSize < 2) return { ...view, memberOf };
  let nodes = view.nodes;
  let edges = view.edges;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(nodes, edges, options, memberOf);
    if (!next) break;
    ({ nodes, edges } = next);
  }
  return { nodes, edges, memberOf };
}

function onePass(nodes: ViewNode[], edges: ViewEdge[], options: ClusterOptions, memberOf: Map<string, string>): ViewGraph | null {
  const ups = new Map<string, string[]>();
  const downs = new Map<string, string[]>();
  for (const e of edges) {
    (downs.get(e.source) ?? downs.set(e.source, []).get(e.source)!).push(e.target);
    (ups.get(e.target) ?? ups.set(e.target, []).get(e.target)!).push(e.source);
  }

  const taken = new Map<string, ViewNode>(); // member id -> its new cluster node
  const clusters: ViewNode[] = [];
  // Downstream fan-outs first (outputs of a run, consumers of a dataset), then upstream fan-ins.
  for (const side of ["down", "up"] as const) {
    // Same kind, same type, and exactly the same neighbours on the side facing the anchors.
    const groups = new Map<string, { anchors: string[]; members: ViewNode[] }>();
    for (const n of nodes) {
      if (taken.has(n.id) || options.keep.has(n.id) || n.focus) continue;
      const facing = (side === "down" ? ups : downs).get(n.id);
      if (!facing?.length || facing.some((a) => taken.has(a))) continue;
      const anchors = [...new Set(facing)].sort();
      const key = `${kindOf(n)}\u0000${n.typeKey}\u0000${anchors.join("\u0000")}`;
      const g = groups.get(key) ?? groups.set(key, { anchors, members: [] }).get(key)!;
      g.members.push(n);
    }
    for (const { anchors, members } of groups.values()) {
      if (members.length < 2) continue; // one node (or an earlier cluster on its own): no fan-out
      const first = members[0];
      const kind = kindOf(first);
      const id = clusterId(anchors.join("+"), side, kind, first.typeKey);
      if (options.keep.has(id)) continue;
      const memberIds = members.flatMap((m) => m.members ?? [m.id]);
      if (memberIds.length < options.minSize) continue;
      const cluster: ViewNode = {
        id,
        kind: "cluster",
        memberKind: kind,
        typeKey: first.typeKey,
        label: `${memberIds.length} × ${first.typeKey}`,
        hidden: members.reduce((h, m) => ({ up: h.up + m.hidden.up, down: h.down + m.hidden.down }), { up: 0, down: 0 }),
        status: commonStatus(members),
        group: first.group,
        members: memberIds,
      };
      clusters.push(cluster);
      for (const m of members) taken.set(m.id, cluster);
      for (const m of memberIds) memberOf.set(m, id);
    }
  }
  if (clusters.length === 0) return null;

  // Edges move onto the clusters; parallel edges merge and add up their counts.
  const rewired = new Map<string, ViewEdge>();
  for (const e of edges) {
    const source = taken.get(e.source)?.id ?? e.source;
    const target = taken.get(e.target)?.id ?? e.target;
    const id = `${source}>${target}`;
    const prev = rewired.get(id);
    if (prev) prev.count += e.count;
    else rewired.set(id, { ...e, id, source, target });
  }
  const kept = nodes.filter((n) => !taken.has(n.id));
  return { nodes: [...kept, ...clusters], edges: [...rewired.values()] };
}

const kindOf = (n: ViewNode) => (n.kind === "cluster" ? n.memberKind! : n.kind);

// A cluster of executions is coloured by status only when all of them agree.
function commonStatus(members: ViewNode[]): string | undefined {
  const s = members[0].status;
  return members.every((m) => m.status === s) ? s : undefined;
}
