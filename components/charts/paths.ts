import type { Range } from "./chart-data";

// SVG path data for one curve: the min–max band as closed polygons and the lines as polylines,
// both broken wherever a value is missing (a NaN, a value a log axis cannot show). One <path> per
// layer and curve keeps 50 curves × 1,000 points cheap to draw.
// Coordinates are in tenths of a pixel (draw the paths under `scale(0.1)`, see TENTHS), as
// integers, and relative after the first point of a run: "l13,-2" instead of "L1234.5,87.25".
// Integers turn into text far faster than fractions, and the short text is quicker for the browser
// to parse; rounding the absolute positions first means the relative steps never drift.

export const TENTHS = 10;

// A data value → its pixel position; NaN where it has no place on the axis.
export type AxisMap = (v: number) => number;

export function linearMap([d0, d1]: Range, [p0, p1]: Range): AxisMap {
  const k = (p1 - p0) / (d1 - d0 || 1);
  return (v) => p0 + (v - d0) * k;
}

// Only positive values have a place on a log axis.
export function logMap([d0, d1]: Range, [p0, p1]: Range): AxisMap {
  const l0 = Math.log(d0);
  const k = (p1 - p0) / (Math.log(d1) - l0 || 1);
  return (v) => (v > 0 ? p0 + (Math.log(v) - l0) * k : NaN);
}

const at = (map: AxisMap, v: number) => Math.round(map(v) * TENTHS);

export function linePath(x: Float64Array, y: Float64Array, n: number, sx: AxisMap, sy: AxisMap): string {
  let d = "";
  let pen = false;
  let px = 0;
  let py = 0;
  for (let i = 0; i < n; i++) {
    const X = at(sx, x[i]);
    const Y = at(sy, y[i]);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) {
      pen = false;
      continue;
    }
    if (!pen) d += `M${X},${Y}`;
    else if (X !== px || Y !== py) d += `l${X - px},${Y - py}`;
    px = X;
    py = Y;
    pen = true;
  }
  return d;
}

// `floor` is set on a log axis: a band reaching zero or below starts there instead (a band wholly
// at or below zero has no place at all).
export function bandPath(x: Float64Array, lo: Float64Array, hi: Float64Array, n: number, sx: AxisMap, sy: AxisMap, floor: number | null = null): string {
  // Pixel positions first (NaN where there is no band), then one polygon per run of buckets.
  const X = new Float64Array(n);
  const L = new Float64Array(n);
  const H = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const low = floor !== null && !(lo[i] > 0) && hi[i] > 0 ? floor : lo[i];
    X[i] = at(sx, x[i]);
    L[i] = at(sy, low);
    H[i] = at(sy, hi[i]);
  }
  const ok = (i: number) => Number.isFinite(X[i]) && Number.isFinite(L[i]) && Number.isFinite(H[i]);
  let d = "";
  let i = 0;
  while (i < n) {
    if (!ok(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && ok(j + 1)) j++;
    if (i === j) {
      // A lone bucket still gets a visible sliver: one pixel either side.
      d += `M${X[i] - TENTHS},${H[i]}h${2 * TENTHS}v${L[i] - H[i]}h${-2 * TENTHS}Z`;
    } else {
      d += `M${X[i]},${H[i]}`;
      for (let k = i + 1; k <= j; k++) d += `l${X[k] - X[k - 1]},${H[k] - H[k - 1]}`;
      d += `l0,${L[j] - H[j]}`;
      for (let k = j - 1; k >= i; k--) d += `l${X[k] - X[k + 1]},${L[k] - L[k + 1]}`;
      d += "Z";
    }
    i = j + 1;
  }
  return d;
}
