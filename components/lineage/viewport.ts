import type { Point } from "./layered-layout";

// Where to look when a view opens, computed from the node positions we already know: cytoscape's
// own fit measures every element's label first, which costs a second at 2,000 nodes.

export type Viewport = { zoom: number; pan: Point };
export type Box = { width: number; height: number };

export const READABLE_ZOOM = 0.8;
const MAX_OPEN_ZOOM = 1.1;

export function openingViewport(points: Point[], focus: Point | null, screen: Box, node: Box, padding = 40): Viewport {
  if (points.length === 0) return { zoom: 1, pan: { x: screen.width / 2, y: screen.height / 2 } };
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  x1 -= node.width / 2;
  x2 += node.width / 2;
  y1 -= node.height / 2;
  y2 += node.height / 2;
  const fit = Math.min((screen.width - 2 * padding) / (x2 - x1), (screen.height - 2 * padding) / (y2 - y1));
  // The whole graph when it is readable that way; otherwise the focus, readable.
  const zoom = Math.min(MAX_OPEN_ZOOM, fit >= READABLE_ZOOM || !focus ? fit : READABLE_ZOOM);
  const center = zoom === fit || zoom === MAX_OPEN_ZOOM || !focus ? { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } : focus;
  return { zoom, pan: { x: screen.width / 2 - center.x * zoom, y: screen.height / 2 - center.y * zoom } };
}
