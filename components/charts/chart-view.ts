import { MAX_SMOOTHING } from "./ema";
import { X_MODES, type Range, type XMode } from "./chart-data";

// The view state every chart page keeps in its URL (x axis, log y, smoothing, hidden curves and a
// zoom window per chart), so a reload or a pasted link shows the same view.

export type ChartView = {
  x: XMode;
  log: boolean;
  smooth: number;
  hidden: ReadonlySet<string>;
  zoom: ReadonlyMap<string, Range>;
};

export const ZOOM_PREFIX = "z.";
export const zoomParam = (chartId: string) => `${ZOOM_PREFIX}${chartId}`;

export function readView(params: { get(name: string): string | null; forEach(cb: (value: string, key: string) => void): void }): ChartView {
  const xText = params.get("x");
  const x = X_MODES.includes(xText as XMode) ? (xText as XMode) : "step";
  const smoothText = Number(params.get("smooth") ?? 0);
  const smooth = Number.isFinite(smoothText) ? Math.min(Math.max(smoothText, 0), MAX_SMOOTHING) : 0;
  const hidden = new Set((params.get("hide") ?? "").split(",").filter(Boolean));
  const zoom = new Map<string, Range>();
  params.forEach((value, key) => {
    if (!key.startsWith(ZOOM_PREFIX)) return;
    const range = parseRange(value);
    if (range) zoom.set(key.slice(ZOOM_PREFIX.length), range);
  });
  return { x, log: params.get("log") === "1", smooth, hidden, zoom };
}

// "100~500" → [100, 500]; anything else (reversed, empty, not numbers) → null.
export function parseRange(text: string): Range | null {
  const [a, b, ...rest] = text.split("~");
  if (rest.length || a === undefined || b === undefined || a === "" || b === "") return null;
  const lo = Number(a);
  const hi = Number(b);
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi ? [lo, hi] : null;
}

// Enough digits that a zoom survives the round trip through the URL.
export const formatRange = ([a, b]: Range) => `${+a.toPrecision(10)}~${+b.toPrecision(10)}`;
