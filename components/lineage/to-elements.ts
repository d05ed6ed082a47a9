import type { ElementDefinition } from "cytoscape";
import { nodeLook } from "./cy-style";
import type { Point } from "./layered-layout";
import type { ViewGraph, ViewNode } from "./project-graph";

// View graph + positions -> cytoscape elements. Labels are drawn on the canvas (inert text); the
// second line carries the hidden-neighbour badges, "◂ +3" upstream and "+12 ▸" downstream.

export { NODE_HEIGHT, NODE_WIDTH } from "./cy-style";
const MAX_LABEL = 22;

export const shortLabel = (s: string, max = MAX_LABEL) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function badges(hidden: { up: number; down: number }): string {
  const up = hidden.up ? `◂ +${hidden.up}` : "";
  const down = hidden.down ? `+${hidden.down} ▸` : "";
  return up && down ? `${up}      ${down}` : up || down;
}

export function nodeLabel(n: ViewNode): string {
  const b = badges(n.hidden);
  return b ? `${shortLabel(n.label)}\n${b}` : shortLabel(n.label);
}

export const groupId = (group: string) => `group:${group}`;

function classes(n: ViewNode): string {
  const c: string[] = [n.kind];
  if (n.kind === "artifact") c.push(`type-${n.typeKey}`);
  if (n.kind === "cluster") c.push(`of-${n.memberKind}`, `type-${n.typeKey}`);
  if (n.status) c.push(`status-${n.status.toLowerCase()}`);
  if (n.hidden.up || n.hidden.down) c.push("boundary");
  if (n.focus) c.push("focus");
  return c.join(" ");
}

export function toElements(view: ViewGraph, positions: ReadonlyMap<string, Point>): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const groups = new Set<string>();
  for (const n of view.nodes) if (n.group) groups.add(n.group);
  for (const g of groups) out.push({ group: "nodes", data: { id: groupId(g), label: g }, classes: "stage-group", selectable: false });
  for (const n of view.nodes) {
    out.push({
      group: "nodes",
      data: {
        id: n.id,
        label: nodeLabel(n),
        name: n.label,
        kind: n.kind,
        typeKey: n.typeKey,
        hiddenUp: n.hidden.up,
        hiddenDown: n.hidden.down,
        ...nodeLook(n),
        ...(n.group ? { parent: groupId(n.group) } : {}),
      },
      position: { ...(positions.get(n.id) ?? { x: 0, y: 0 }) },
      classes: classes(n),
    });
  }
  for (const e of view.edges) {
    out.push({
      group: "edges",
      data: { id: `edge:${e.id}`, source: e.source, target: e.target, kind: e.kind, count: e.count },
      classes: e.count > 1 ? `${e.kind} multi` : e.kind,
    });
  }
  return out;
}
