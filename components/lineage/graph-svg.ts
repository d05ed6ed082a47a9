// A standalone SVG of the lineage graph, written from the laid-out positions (our own writer:
// the cytoscape-svg plugin is GPL-licensed). Shapes follow the canvas: rounded boxes for
// executions, ellipses for artifacts; every label is escaped text.

export type SvgNode = { id: string; x: number; y: number; w: number; h: number; label: string; fill: string; shape: "box" | "ellipse" };
export type SvgEdge = { source: string; target: string; color: string };

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export function graphSvg(nodes: SvgNode[], edges: SvgEdge[], margin = 40): string {
  if (nodes.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`;
  const minX = Math.min(...nodes.map((n) => n.x - n.w / 2)) - margin;
  const minY = Math.min(...nodes.map((n) => n.y - n.h / 2)) - margin;
  const maxX = Math.max(...nodes.map((n) => n.x + n.w / 2)) + margin;
  const maxY = Math.max(...nodes.map((n) => n.y + n.h / 2 + 14)) + margin;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lines = edges.flatMap((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    return s && t
      ? [`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${escapeXml(e.color)}" stroke-width="1.5" marker-end="url(#arrow)"/>`]
      : [];
  });
  const shapes = nodes.map((n) => {
    const shape =
      n.shape === "ellipse"
        ? `<ellipse cx="${n.x}" cy="${n.y}" rx="${n.w / 2}" ry="${n.h / 2}" fill="${escapeXml(n.fill)}"/>`
        : `<rect x="${n.x - n.w / 2}" y="${n.y - n.h / 2}" width="${n.w}" height="${n.h}" rx="4" fill="${escapeXml(n.fill)}"/>`;
    return `${shape}<text x="${n.x}" y="${n.y + n.h / 2 + 12}" font-size="10" text-anchor="middle" fill="#0f172a">${escapeXml(n.label)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${maxX - minX}" height="${maxY - minY}" font-family="system-ui, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker></defs>`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="#ffffff"/>`,
    ...lines,
    ...shapes,
    `</svg>`,
  ].join("\n");
}
