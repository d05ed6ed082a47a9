import "server-only";
import type { Db } from "../db/client";
import { nodeId, type Lineage, type LineageEdge, type LineageNode, type LineageQuery } from "../schemas/lineage";
import { degrees, edgesBetween, type Degree, type Step } from "./graph-queries";
import { findFocus, loadArtifacts, loadExecutions } from "./node-details";
import { traverse } from "./traverse";

export type SubgraphOptions = Pick<LineageQuery, "node" | "direction" | "depth" | "maxNodes"> & { asOf?: string | Date };

const STEPS: Record<LineageQuery["direction"], Step[]> = { up: ["up"], down: ["down"], both: ["up", "down"] };

// The bounded lineage subgraph around one node: every node within `depth` edges up and/or down
// (at most `maxNodes`), every edge among them, and per node how many neighbours were left out,
// so a client can offer "expand" exactly where there is more to see. With `asOf`, events and
// nodes created later do not exist, which replays the graph as it was at that moment.
export async function subgraph(db: Db, options: SubgraphOptions): Promise<Lineage> {
  const asOf = options.asOf === undefined ? undefined : new Date(options.asOf);
  const focus = await findFocus(db, options.node, asOf);
  const reached = await traverse(db, focus, STEPS[options.direction], options.depth, options.maxNodes, asOf);

  const artifactIds = [...reached.artifacts];
  const executionIds = [...reached.executions];
  // Edges first: degrees read afterwards can only be larger under concurrent ingest, never smaller.
  const rawEdges = await edgesBetween(db, artifactIds, executionIds, asOf);
  const [artifactDegrees, executionDegrees, artifacts, executions] = await Promise.all([
    degrees(db, "artifact", artifactIds, asOf),
    degrees(db, "execution", executionIds, asOf),
    loadArtifacts(db, artifactIds, asOf),
    loadExecutions(db, executionIds),
  ]);

  // Neighbours inside the subgraph, subtracted from the full degree to leave the hidden ones.
  const shownArtifacts = new Map<number, Degree>(artifactIds.map((id) => [id, { up: 0, down: 0 }]));
  const shownExecutions = new Map<number, Degree>(executionIds.map((id) => [id, { up: 0, down: 0 }]));
  const edges: LineageEdge[] = [];
  for (const e of rawEdges) {
    const artifact = artifacts.get(e.artifactId);
    const execution = executions.get(e.executionId);
    if (!artifact || !execution) continue;
    if (e.direction === "INPUT") {
      shownArtifacts.get(e.artifactId)!.down++;
      shownExecutions.get(e.executionId)!.up++;
      edges.push({ source: artifact.id, target: execution.id, kind: "input" });
    } else {
      shownExecutions.get(e.executionId)!.down++;
      shownArtifacts.get(e.artifactId)!.up++;
      edges.push({ source: execution.id, target: artifact.id, kind: "output" });
    }
  }
  edges.sort((a, b) => (a.source === b.source ? cmp(a.target, b.target) : cmp(a.source, b.source)));

  const hidden = (total: Degree | undefined, shown: Degree | undefined) => ({
    up: Math.max(0, (total?.up ?? 0) - (shown?.up ?? 0)),
    down: Math.max(0, (total?.down ?? 0) - (shown?.down ?? 0)),
  });
  const nodes: LineageNode[] = [];
  for (const { kind, id } of reached.order) {
    if (kind === "artifact") {
      const node = artifacts.get(id);
      if (node) nodes.push({ ...node, hidden: hidden(artifactDegrees.get(id), shownArtifacts.get(id)) });
    } else {
      const node = executions.get(id);
      if (node) nodes.push({ ...node, hidden: hidden(executionDegrees.get(id), shownExecutions.get(id)) });
    }
  }
  return { focus: nodeId(options.node), nodes, edges, truncated: reached.truncated };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
