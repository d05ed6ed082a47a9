import "server-only";
import type { Db } from "../db/client";
import { neighbours, other, type Kind, type Step } from "./graph-queries";

export type NodeKey = { kind: Kind; id: number };
export type Reached = {
  // In discovery order: the focus, then level by level (up before down within a level).
  order: NodeKey[];
  artifacts: Set<number>;
  executions: Set<number>;
  truncated: boolean;
};

type Walk = { step: Step; kind: Kind; frontier: number[] };

// Breadth-first from the focus, level by level, each direction on its own: "both" is ancestors
// plus descendants, not everything reachable ignoring direction (which would pull in siblings,
// e.g. every other consumer of an input dataset). Both walks advance one level at a time, so a
// `maxNodes` cut falls evenly on the two sides.
export async function traverse(
  db: Db,
  focus: NodeKey,
  steps: Step[],
  depth: number,
  maxNodes: number,
  asOf?: Date,
): Promise<Reached> {
  const reached: Reached = { order: [focus], artifacts: new Set(), executions: new Set(), truncated: false };
  const setOf = (kind: Kind) => (kind === "artifact" ? reached.artifacts : reached.executions);
  setOf(focus.kind).add(focus.id);

  let walks: Walk[] = steps.map((step) => ({ step, kind: focus.kind, frontier: [focus.id] }));
  for (let level = 1; level <= depth && walks.length > 0; level++) {
    for (const walk of walks) {
      const next = other(walk.kind);
      const seen = setOf(next);
      const found = (await neighbours(db, walk.kind, walk.frontier, walk.step, asOf)).filter((id) => !seen.has(id));
      const room = maxNodes - reached.order.length;
      if (found.length > room) {
        found.length = Math.max(room, 0);
        reached.truncated = true;
      }
      for (const id of found) {
        seen.add(id);
        reached.order.push({ kind: next, id });
      }
      walk.kind = next;
      walk.frontier = found;
      if (reached.truncated) return reached;
    }
    walks = walks.filter((w) => w.frontier.length > 0);
  }
  return reached;
}
