import type { StylesheetJson } from "cytoscape";

// The graph's look. Artifacts and executions differ by shape; artifacts are shaped and tinted by
// type, executions coloured by status (see nodeLook). Large graphs get cheaper edges (haystack, no arrows) and
// labels that disappear when too small to read, which keeps panning smooth at 2,000 nodes.

export const ARTIFACT_STYLE: Record<string, { shape: string; fill: string; border: string }> = {
  dataset: { shape: "barrel", fill: "#e0f2fe", border: "#0284c7" },
  model: { shape: "hexagon", fill: "#ede9fe", border: "#7c3aed" },
  metrics: { shape: "tag", fill: "#fef3c7", border: "#d97706" },
  step_metrics: { shape: "tag", fill: "#fef9c3", border: "#ca8a04" },
  environment: { shape: "cut-rectangle", fill: "#f1f5f9", border: "#475569" },
  other: { shape: "ellipse", fill: "#f8fafc", border: "#94a3b8" },
};
export const STATUS_STYLE: Record<string, { fill: string; border: string }> = {
  completed: { fill: "#d1fae5", border: "#059669" },
  running: { fill: "#dbeafe", border: "#2563eb" },
  failed: { fill: "#fee2e2", border: "#dc2626" },
};

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 38;

const PLAIN = { shape: "ellipse", fill: "#f8fafc", border: "#94a3b8" };

// A node's shape and colours, carried in its data: one data-mapped rule then styles every node,
// where a rule per type and per status made cytoscape match ~25 selectors against each of
// thousands of elements (a third of the first paint of a 2,000-node graph).
export function nodeLook(n: { kind: string; typeKey: string; status?: string; memberKind?: string }): { shape: string; fill: string; stroke: string } {
  const execution = n.kind === "execution" || (n.kind === "cluster" && n.memberKind === "execution");
  if (execution) {
    const c = STATUS_STYLE[n.status?.toLowerCase() ?? ""] ?? PLAIN;
    return { shape: "round-rectangle", fill: c.fill, stroke: c.border };
  }
  const a = ARTIFACT_STYLE[n.typeKey] ?? PLAIN;
  return { shape: a.shape, fill: a.fill, stroke: a.border };
}

export function lineageStyle(large: boolean): StylesheetJson {
  const s: StylesheetJson = [
    {
      selector: "node",
      style: {
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        label: "data(label)",
        "font-size": 12,
        "font-family": "ui-sans-serif, system-ui, sans-serif",
        color: "#0f172a",
        "text-wrap": "wrap",
        "text-max-width": `${NODE_WIDTH + 40}px`,
        "text-valign": "center",
        "text-halign": "center",
        "line-height": 1.25,
        "min-zoomed-font-size": large ? 9 : 6,
        "border-width": 1.5,
      },
    },
    { selector: "node[fill]", style: { shape: "data(shape)" as "ellipse", "background-color": "data(fill)", "border-color": "data(stroke)" } },
    { selector: "node.execution", style: { "border-width": 2 } },
    { selector: "node.cluster", style: { "border-style": "double", "border-width": 5, "font-weight": "bold" } },
  ];
  s.push(
    {
      selector: "node.focus",
      style: { "underlay-color": "#f59e0b", "underlay-opacity": 0.35, "underlay-padding": 7, "underlay-shape": "round-rectangle" },
    },
    {
      selector: "node.stage-group",
      style: {
        shape: "round-rectangle",
        "background-color": "#f1f5f9",
        "background-opacity": 0.6,
        "border-color": "#cbd5e1",
        "border-style": "dashed",
        "border-width": 1,
        label: "data(label)",
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": -4,
        "font-size": 12,
        "font-weight": "bold",
        color: "#475569",
        padding: "18px",
      },
    },
    {
      selector: "edge",
      style: large
        ? { "curve-style": "haystack", "haystack-radius": 0, width: 1, "line-color": "#94a3b8", opacity: 0.8 }
        : {
            "curve-style": "taxi",
            "taxi-direction": "rightward",
            "taxi-turn": "50%",
            "taxi-radius": 8,
            width: 1.4,
            "line-color": "#94a3b8",
            "target-arrow-color": "#94a3b8",
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
          },
    },
    { selector: "edge.output", style: { "line-color": "#64748b", "target-arrow-color": "#64748b" } },
    { selector: "edge.derived", style: { "line-style": "dashed" } },
    { selector: "edge.multi", style: { width: "mapData(count, 2, 60, 2, 7)" } },
    { selector: ".faded", style: { opacity: 0.18 } },
    { selector: "edge.on-path", style: { "line-color": "#d97706", "target-arrow-color": "#d97706", width: 2.4, opacity: 1, "z-index": 9 } },
    { selector: "node.on-path", style: { "border-color": "#d97706", "border-width": 3 } },
    {
      selector: "node:selected",
      style: { "border-color": "#b45309", "border-width": 4, "overlay-color": "#f59e0b", "overlay-opacity": 0.12, "overlay-padding": 6 },
    },
    { selector: "node.search-hit", style: { "overlay-color": "#0ea5e9", "overlay-opacity": 0.25, "overlay-padding": 6 } },
  );
  return s;
}
