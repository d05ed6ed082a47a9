import type { Bucket } from "@/lib/metrics/downsample";
import { mergeColumns, type SeriesColumns } from "./series-columns";

// Series buckets (min/max/last per step range) → what the chart draws, framework-free. Curves are
// columns (series-columns.ts): 50 curves × 1,000 points stay 50 × 12 typed arrays, not 50,000 objects.

export type XMode = "step" | "wall" | "relative";
export const X_MODES: readonly XMode[] = ["step", "wall", "relative"];
export const X_LABEL: Record<XMode, string> = { step: "step", wall: "wall time", relative: "relative time" };

// A chart never draws more than this many points per curve (MLflow froze above ~100k).
export const MAX_POINTS = 1000;

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
// relative to `t0` (the execution's start) in seconds. NaN when it has no place on the axis.
export function xOf(lastStep: number, time: number, mode: XMode, t0: number | null): number {
  if (mode === "step") return lastStep;
  if (!Number.isFinite(time)) return NaN;
  return mode === "wall" ? time : (time - (t0 ?? 0)) / 1000;
}

// One curve on the current x axis: its buckets (merged to ≤ MAX_POINTS) that have a place there,
// with x, the last value where finite (`y`, else NaN) and the smoothed one (`s`, `y` until
// smoothing is applied).
export type CurvePoints = SeriesColumns & { x: Float64Array; y: Float64Array; s: Float64Array };

export function toCurvePoints(columns: SeriesColumns, mode: XMode, t0: number | null): CurvePoints {
  const c = mergeColumns(columns, MAX_POINTS);
  const x = new Float64Array(c.n);
  let kept = 0;
  for (let i = 0; i < c.n; i++) {
    x[i] = xOf(c.lastStep[i], c.time[i], mode, t0);
    if (!Number.isNaN(x[i])) kept++;
  }
  // Points without a time have no place on a time axis: the columns are compacted (rare).
  const cols = kept === c.n ? c : compact(c, x, kept);
  const xs = kept === c.n ? x : x.filter((v) => !Number.isNaN(v));
  const y = cols.last.map((v) => (Number.isFinite(v) ? v : NaN));
  return { ...cols, x: xs, y, s: y };
}

function compact(c: SeriesColumns, x: Float64Array, kept: number): SeriesColumns {
  const keep = (col: Float64Array) => col.filter((_, i) => !Number.isNaN(x[i]));
  return {
    n: kept, step: keep(c.step), end: keep(c.end), lastStep: keep(c.lastStep), count: keep(c.count), nonFinite: keep(c.nonFinite),
    min: keep(c.min), max: keep(c.max), last: keep(c.last), time: keep(c.time),
  };
}

// Point i of a curve with nulls for what is missing: what the hover readout shows.
export type ChartPoint = {
  x: number;
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
};

const orNull = (v: number) => (Number.isNaN(v) ? null : v);
const rawOf = (v: number) => (Number.isFinite(v) ? v : Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

export function pointAt(p: CurvePoints, i: number): ChartPoint {
  return {
    x: p.x[i], step: p.step[i], end: p.end[i], lastStep: p.lastStep[i], time: orNull(p.time[i]), lo: orNull(p.min[i]), hi: orNull(p.max[i]),
    y: orNull(p.y[i]), raw: rawOf(p.last[i]), count: p.count[i], nonFinite: p.nonFinite[i], s: orNull(p.s[i]),
  };
}

export type MarkerKind = "NaN" | "Infinity" | "-Infinity" | "mixed";
export type Marker = { x: number; kind: MarkerKind; count: number; step: number; end: number };

// NaN and ±Infinity cannot be drawn as values, so each bucket holding any becomes a marker. A
// bucket whose last value is finite but which holds non-finite ones says only how many ("mixed");
// zooming in shows each.
export function nonFiniteMarkers(p: CurvePoints): Marker[] {
  const out: Marker[] = [];
  for (let i = 0; i < p.n; i++) {
    if (p.nonFinite[i] === 0) continue;
    const raw = rawOf(p.last[i]);
    out.push({ x: p.x[i], kind: typeof raw === "string" ? raw : "mixed", count: p.nonFinite[i], step: p.step[i], end: p.end[i] });
  }
  return out;
}

// Index of the point nearest to x (points sorted by x), or -1 when there are none.
export function nearestIndex(xs: Float64Array, x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) return lo - 1;
  return lo;
}

export type Range = [number, number];

// On a step axis the range starts at the first bucket's first step (its point sits at its last).
export function xExtent(curves: readonly CurvePoints[], mode: XMode = "step"): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of curves) {
    if (p.n === 0) continue;
    lo = Math.min(lo, mode === "step" ? p.step[0] : p.x[0]);
    hi = Math.max(hi, p.x[p.n - 1]);
  }
  if (lo > hi) return null;
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

// The y range of what is visible in the x window: band and last values, padded unless the caller
// rounds it to ticks itself; on a log axis only positive values count (a loss of 0 or below has no
// place there).
export function yDomain(curves: readonly CurvePoints[], x: Range, log: boolean, pad = true): Range {
  let lo = Infinity;
  let hi = -Infinity;
  const floor = log ? 0 : -Infinity;
  // NaN compares false, so gaps are skipped; these columns hold no ±Infinity.
  const take = (v: number) => {
    if (!(v > floor)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const p of curves) {
    for (let i = 0; i < p.n; i++) {
      if (!(p.x[i] >= x[0] && p.x[i] <= x[1])) continue;
      take(p.min[i]);
      take(p.max[i]);
      take(p.y[i]);
      take(p.s[i]);
    }
  }
  if (lo > hi) return log ? [0.1, 1] : [0, 1];
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / Math.pow(hi / lo, 0.05), hi * Math.pow(hi / lo, 0.05)];
  if (lo === hi) return [lo - (Math.abs(lo) * 0.1 || 1), hi + (Math.abs(hi) * 0.1 || 1)];
  const margin = pad ? (hi - lo) * 0.05 : 0;
  return [lo - margin, hi + margin];
}

// A window on a time axis → the step window to query, read off the series' overview buckets
// (times increase with steps): from the first bucket reaching `a` to the first bucket reaching `b`.
export function stepWindow(p: CurvePoints, a: number, b: number): { from: number; to: number } | null {
  if (p.n === 0) return null;
  // Bucket i holds the points timed after bucket i−1's last point, up to its own last point.
  const first = p.x.findIndex((v) => v >= a);
  if (first < 0) return null;
  let last = p.x.findIndex((v) => v >= b);
  if (last < 0) last = p.n - 1;
  if (last < first) return null;
  return { from: p.step[first], to: p.end[last] };
}
