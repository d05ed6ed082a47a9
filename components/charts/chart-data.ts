import type { Bucket } from "@/lib/metrics/downsample";

// Series buckets (min/max/last per step range) → what the chart draws, framework-free.

export type XMode = "step" | "wall" | "relative";
export const X_MODES: readonly XMode[] = ["step", "wall", "relative"];
export const X_LABEL: Record<XMode, string> = { step: "step", wall: "wall time", relative: "relative time" };

// Recharts is never handed more than this many points per curve (MLflow froze above ~100k).
export const MAX_POINTS = 1000;

export type ChartPoint = {
  x: number; // position on the current x axis
  step: number; // first step of the bucket
  end: number; // last step of the bucket
  lastStep: number;
  time: number | null; // wall time (ms) of the bucket's last point
  lo: number | null; // finite min of the bucket
  hi: number | null; // finite max
  y: number | null; // last value when finite
  raw: number | string; // last value as sent ("NaN", "Infinity", "-Infinity" when not finite)
  count: number;
  nonFinite: number;
  s: number | null; // smoothed last value
  // As drawn on the current y axis (null where a log axis has no place for the value):
  band: [number, number] | null;
  yAxis: number | null;
  sAxis: number | null;
};

// A JSON bucket: times that were NaN arrive as null.
export type WireBucket = Omit<Bucket, "time"> & { time: number | null };

// Merges runs of adjacent buckets until at most `max` remain: mins of mins, maxes of maxes, the
// last of the last, so a one-point spike still reaches the top of its merged bucket.
export function mergeBuckets(buckets: readonly WireBucket[], max = MAX_POINTS): WireBucket[] {
  if (buckets.length <= max) return buckets.slice();
  const per = Math.ceil(buckets.length / max);
  const out: WireBucket[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    const group = buckets.slice(i, i + per);
    const tail = group[group.length - 1];
    let min: number | null = null;
    let max_: number | null = null;
    let count = 0;
    let nonFinite = 0;
    for (const b of group) {
      if (b.min !== null && (min === null || b.min < min)) min = b.min;
      if (b.max !== null && (max_ === null || b.max > max_)) max_ = b.max;
      count += b.count;
      nonFinite += b.nonFinite;
    }
    out.push({ step: group[0].step, end: tail.end, min, max: max_, last: tail.last, lastStep: tail.lastStep, time: tail.time, count, nonFinite });
  }
  return out;
}

// x of a bucket: the step or time of its last point (where the last-value line passes), time
// relative to `t0` (the execution's start) in seconds.
export function xOf(b: Pick<WireBucket, "lastStep" | "time">, mode: XMode, t0: number | null): number | null {
  if (mode === "step") return b.lastStep;
  if (b.time === null || !Number.isFinite(b.time)) return null;
  return mode === "wall" ? b.time : (b.time - (t0 ?? 0)) / 1000;
}

export function toChartPoints(buckets: readonly WireBucket[], mode: XMode, t0: number | null): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const b of mergeBuckets(buckets)) {
    const x = xOf(b, mode, t0);
    if (x === null) continue;
    const y = typeof b.last === "number" && Number.isFinite(b.last) ? b.last : null;
    const band: [number, number] | null = b.min === null || b.max === null ? null : [b.min, b.max];
    out.push({ x, step: b.step, end: b.end, lastStep: b.lastStep, time: b.time, lo: b.min, hi: b.max, y, raw: b.last, count: b.count, nonFinite: b.nonFinite, s: y, band, yAxis: y, sAxis: y });
  }
  return out;
}

export type MarkerKind = "NaN" | "Infinity" | "-Infinity" | "mixed";
export type Marker = { x: number; kind: MarkerKind; count: number; step: number; end: number };

// NaN and ±Infinity cannot be drawn as values, so each bucket holding any becomes a marker. A
// bucket whose last value is finite but which holds non-finite ones says only how many ("mixed");
// zooming in shows each.
export function nonFiniteMarkers(points: readonly ChartPoint[]): Marker[] {
  const out: Marker[] = [];
  for (const p of points) {
    if (p.nonFinite === 0) continue;
    const kind: MarkerKind = typeof p.raw === "string" && (p.raw === "NaN" || p.raw === "Infinity" || p.raw === "-Infinity") ? p.raw : "mixed";
    out.push({ x: p.x, kind, count: p.nonFinite, step: p.step, end: p.end });
  }
  return out;
}

// Index of the point nearest to x (points sorted by x), or -1 when there are none.
export function nearestIndex(points: readonly ChartPoint[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(points[lo - 1].x - x) <= Math.abs(points[lo].x - x)) return lo - 1;
  return lo;
}

export type Range = [number, number];

// On a step axis the range starts at the first bucket's first step (its point sits at its last).
export function xExtent(series: ReadonlyArray<readonly ChartPoint[]>, mode: XMode = "step"): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const pts of series) {
    if (pts.length === 0) continue;
    lo = Math.min(lo, mode === "step" ? pts[0].step : pts[0].x);
    hi = Math.max(hi, pts[pts.length - 1].x);
  }
  if (lo > hi) return null;
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

// The y range of what is visible in the x window: band and last values, padded unless the caller
// rounds it to ticks itself; on a log axis only positive values count (a loss of 0 or below has no
// place there).
export function yDomain(series: ReadonlyArray<readonly ChartPoint[]>, x: Range, log: boolean, pad = true): Range {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number | null) => {
    if (v === null || !Number.isFinite(v) || (log && v <= 0)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const pts of series) {
    for (const p of pts) {
      if (p.x < x[0] || p.x > x[1]) continue;
      take(p.lo);
      take(p.hi);
      take(p.y);
      take(p.s);
    }
  }
  if (lo > hi) return log ? [0.1, 1] : [0, 1];
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / Math.pow(hi / lo, 0.05), hi * Math.pow(hi / lo, 0.05)];
  if (lo === hi) return [lo - (Math.abs(lo) * 0.1 || 1), hi + (Math.abs(hi) * 0.1 || 1)];
  const margin = pad ? (hi - lo) * 0.05 : 0;
  return [lo - margin, hi + margin];
}

// The band a point draws on the current y axis: null where there is nothing to draw (a gap).
export function bandOf(p: ChartPoint, log: boolean, floor: number): [number, number] | null {
  if (p.lo === null || p.hi === null) return null;
  if (!log) return [p.lo, p.hi];
  if (p.hi <= 0) return null;
  return [p.lo > 0 ? p.lo : floor, p.hi];
}

export const onAxis = (v: number | null, log: boolean) => (v === null || (log && v <= 0) ? null : v);

// A window on a time axis → the step window to query, read off the series' overview buckets
// (times increase with steps): from the first bucket reaching `a` to the first bucket reaching `b`.
export function stepWindow(points: readonly ChartPoint[], a: number, b: number): { from: number; to: number } | null {
  if (points.length === 0) return null;
  // Bucket i holds the points timed after bucket i−1's last point, up to its own last point.
  const first = points.findIndex((p) => p.x >= a);
  if (first < 0) return null;
  let last = points.findIndex((p) => p.x >= b);
  if (last < 0) last = points.length - 1;
  if (last < first) return null;
  return { from: points[first].step, to: points[last].end };
}
