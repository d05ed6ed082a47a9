// Exponential moving average as TensorBoard draws it: debiased, so the first points are not pulled
// towards zero, and blind to gaps (a missing or non-finite value leaves a gap in the smoothed
// curve too, but does not reset it). `weight` 0 returns the values unchanged; 0.99 is very smooth.

export const MAX_SMOOTHING = 0.99;

export function ema(values: ReadonlyArray<number | null>, weight: number): Array<number | null> {
  const w = Math.min(Math.max(weight, 0), MAX_SMOOTHING);
  if (w === 0) return values.slice();
  const out: Array<number | null> = new Array(values.length);
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) {
      out[i] = null;
      continue;
    }
    last = last * w + (1 - w) * v;
    n++;
    out[i] = last / (1 - Math.pow(w, n));
  }
  return out;
}
