import type { PlotArea } from "./curves-layer";

// The frame around a chart's plot: margins and axis sizes (the dense layout the charts had with
// recharts), and which x tick labels fit. Framework-free.

export const MARGIN = { top: 12, right: 16, bottom: 4, left: 4 };
export const Y_AXIS_WIDTH = 58;
export const X_AXIS_HEIGHT = 30;
export const TICK_SIZE = 6;
export const FONT_SIZE = 11;
const CHAR_WIDTH = FONT_SIZE * 0.6; // tabular digits and colons at 11 px

export function plotArea(width: number, height: number): PlotArea {
  const x = MARGIN.left + Y_AXIS_WIDTH;
  const y = MARGIN.top;
  return { x, y, width: Math.max(1, width - x - MARGIN.right), height: Math.max(1, height - y - MARGIN.bottom - X_AXIS_HEIGHT) };
}

// The x tick labels to draw: left to right, each at least `gap` px clear of the one before; the
// last tick's label always shows (it replaces a neighbour it would collide with).
export function fittingTicks(ticks: readonly number[], label: (v: number) => string, px: (v: number) => number, gap = 24): Array<{ value: number; text: string; x: number }> {
  const all = ticks.map((value) => ({ value, text: label(value), x: px(value) }));
  const half = (t: { text: string }) => (t.text.length * CHAR_WIDTH) / 2;
  const out: typeof all = [];
  for (const t of all) {
    const prev = out[out.length - 1];
    if (!prev || t.x - half(t) >= prev.x + half(prev) + gap) out.push(t);
  }
  const last = all[all.length - 1];
  if (last && out[out.length - 1] !== last) {
    while (out.length > 1 && last.x - half(last) < out[out.length - 1].x + half(out[out.length - 1]) + gap) out.pop();
    out.push(last);
  }
  return out;
}
