// Exponential moving average as TensorBoard draws it: debiased, so the first points are not pulled
// towards zero, and blind to gaps (a missing or non-finite value leaves a gap in the smoothed
// curve too, but does not reset it). `weight` 0 returns the values unchanged; 0.99 is very smooth.

export const MAX_SMOOTHING = 0.99;

// On a column: NaN marks a gap, in and out.
export function emaColumn(values: Float64Array, weight: number): Float64Array {
  const w = Math.min(Math.max(weight, 0), MAX_SMOOTHING);
  const out = new Float64Array(values.length);
  if (w === 0) {
    out.set(values);
    return out;
  }
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    last = last * w + (1 - w) * v;
    n++;
    out[i] = last / (1 - Math.pow(w, n));
  }
  return out;
}

export function ema(values: ReadonlyArray<number | null>, weight: number): Array<number | null> {
  if (Math.min(Math.max(weight, 0), MAX_SMOOTHING) === 0) return values.slice();
  const out = emaColumn(Float64Array.from(values, (v) => v ?? NaN), weight);
  return Array.from(out, (v) => (Number.isNaN(v) ? null : v));
}
