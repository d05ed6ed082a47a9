import type { Core } from "cytoscape";

// A read-only window onto the drawn graph for the benchmark and browser tests, which cannot read a
// canvas: when the last layout finished, how long it took, and where each node is on the page.

export type ProbeNode = { id: string; label: string; classes: string[]; hiddenUp: number; hiddenDown: number; x: number; y: number };
export type LineageProbe = {
  // ms since navigation start when the graph was laid out and painted
  layoutMs: number;
  // time spent computing positions and syncing cytoscape, ms; when the sync started (ms since
  // navigation start)
  computeMs: number;
  syncMs: number;
  syncStartedAt: number;
  nodes: number;
  edges: number;
  version: number;
  ids(): string[];
  node(id: string): ProbeNode | null;
  zoom(): number;
};

declare global {
  interface Window {
    __provscopeLineage?: LineageProbe;
  }
}

export function publishProbe(
  cy: Core,
  container: HTMLElement | null,
  t: { layoutMs: number; syncMs: number; startedAt: number; renderedAt: number },
) {
  if (cy.destroyed()) return;
  const drawn = cy.nodes().filter((n) => !n.hasClass("stage-group"));
  window.__provscopeLineage = {
    layoutMs: t.renderedAt,
    computeMs: t.layoutMs,
    syncMs: t.syncMs,
    syncStartedAt: t.startedAt,
    nodes: drawn.length,
    edges: cy.edges().length,
    version: (window.__provscopeLineage?.version ?? 0) + 1,
    ids: () => cy.nodes().filter((n) => !n.hasClass("stage-group")).map((n) => n.id()),
    node: (id) => {
      const n = cy.getElementById(id);
      if (n.empty() || cy.destroyed()) return null;
      const box = container?.getBoundingClientRect() ?? { left: 0, top: 0 };
      const p = n.renderedPosition();
      return {
        id,
        label: String(n.data("label")),
        classes: n.classes(),
        hiddenUp: Number(n.data("hiddenUp") ?? 0),
        hiddenDown: Number(n.data("hiddenDown") ?? 0),
        x: box.left + p.x,
        y: box.top + p.y,
      };
    },
    zoom: () => cy.zoom(),
  };
}
