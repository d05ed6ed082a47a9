import type { Core } from "cytoscape";

// Exports of the lineage view: the picture (PNG, SVG) of the whole graph, not just the viewport;
// the data (JSON, CSV) come from the merged subgraph itself.

import { graphSvg, type SvgEdge, type SvgNode } from "./graph-svg";

// Browsers download a blob through a temporary link with a file name.
export function download(name: string, data: Blob | string, type = "application/octet-stream") {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// A full export of thousands of nodes would be a canvas of hundreds of megapixels; cytoscape
// scales it down to fit these bounds.
const MAX_SIDE = 8000;

export function exportPng(cy: Core, name: string) {
  download(`${name}.png`, cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2, maxWidth: MAX_SIDE, maxHeight: MAX_SIDE }));
}

export function exportSvg(cy: Core, name: string) {
  const nodes: SvgNode[] = cy.nodes(":visible").map((n) => ({
    id: n.id(),
    x: n.position("x"),
    y: n.position("y"),
    w: n.width(),
    h: n.height(),
    label: String(n.data("label") ?? n.id()),
    fill: String(n.style("background-color")),
    shape: String(n.style("shape")) === "ellipse" ? "ellipse" : "box",
  }));
  const edges: SvgEdge[] = cy.edges(":visible").map((e) => ({ source: e.source().id(), target: e.target().id(), color: String(e.style("line-color")) }));
  download(`${name}.svg`, graphSvg(nodes, edges), "image/svg+xml");
}

export const fileStem = (focus: string, asOf?: string) =>
  `lineage-${focus.replace(/[^A-Za-z0-9._-]+/g, "_")}${asOf ? `-asof-${asOf.replace(/[^0-9TZ]/g, "")}` : ""}`;
