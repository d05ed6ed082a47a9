// One colour per curve, stable for a given position: an execution keeps its colour on every chart
// of a page (positions come from the page's execution list, which is in the URL). Ten hand-picked
// colours first, then golden-angle hues, so even 50 overlaid curves stay tellable apart.

const PALETTE = [
  "#2563eb", // blue
  "#dc2626", // red
  "#059669", // emerald
  "#d97706", // amber
  "#7c3aed", // violet
  "#0891b2", // cyan
  "#db2777", // pink
  "#65a30d", // lime
  "#475569", // slate
  "#ea580c", // orange
];

export function colorAt(index: number): string {
  if (index < PALETTE.length) return PALETTE[index];
  const k = index - PALETTE.length;
  const hue = Math.round((k * 137.508 + 20) % 360);
  const light = [42, 34, 50][k % 3];
  return `hsl(${hue} 70% ${light}%)`;
}
