import type { Range, XMode } from "./chart-data";

// Round-number axis ticks: multiples of 1, 2, 2.5 or 5 × 10^k; time axes step through clock
// units (seconds, minutes, hours, days); log axes put ticks at 1, 2, 5 × 10^k.

export function niceStep(range: number, count: number): number {
  const rough = range / Math.max(1, count);
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const pow = Math.pow(10, Math.floor(Math.log10(rough)));
  const f = rough / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
}

// Floating-point noise off: 0.30000000000000004 → 0.3.
const clean = (v: number) => +v.toPrecision(12);

function multiples([lo, hi]: Range, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9 && out.length < 100; v += step) out.push(clean(v));
  return out;
}

export const linearTicks = (d: Range, count = 5) => multiples(d, niceStep(d[1] - d[0], count));

// The domain widened to the nearest ticks outside it, so the axis starts and ends on a label.
export function niceDomain([lo, hi]: Range, count = 5): Range {
  const step = niceStep(hi - lo, count);
  return [clean(Math.floor(lo / step + 1e-9) * step), clean(Math.ceil(hi / step - 1e-9) * step)];
}

export function logTicks([lo, hi]: Range): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const decades = Math.log10(hi / lo);
  const mantissas = decades < 1.5 ? [1, 2, 5] : decades < 4 ? [1, 3] : [1];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mantissas) {
      const v = clean(m * Math.pow(10, e));
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out.length >= 2 ? out : [lo, hi].map(clean);
}

const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

// Ticks of a time axis measured in seconds (relative) or milliseconds (wall).
function timeTicks([lo, hi]: Range, unitMs: number, count: number): number[] {
  const rangeS = ((hi - lo) * unitMs) / 1000;
  if (rangeS < count) return linearTicks([lo, hi], count); // sub-second: decimals are fine
  const stepS = SECOND_STEPS.find((s) => rangeS / s <= count) ?? niceStep(rangeS, count);
  return multiples([lo, hi], (stepS * 1000) / unitMs);
}

export function xTicks(d: Range, mode: XMode, count = 6): number[] {
  if (mode === "wall") return timeTicks(d, 1, count);
  if (mode === "relative") return timeTicks(d, 1000, count);
  const ticks = linearTicks(d, count);
  // Steps are integers: no tick at step 2.5.
  return ticks.every(Number.isInteger) ? ticks : ticks.filter(Number.isInteger);
}
