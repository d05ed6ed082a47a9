import type { Direction } from "./metric-direction";

// The change of a metric against a baseline, and whether that change is an improvement.

export type MetricValue = number | string | null | undefined; // strings: "NaN", "Infinity", "-Infinity"
export type Verdict = "better" | "worse" | "same" | "unknown";
export type Delta = { delta: number | null; relative: number | null; verdict: Verdict };

const finite = (v: MetricValue): v is number => typeof v === "number" && Number.isFinite(v);

// A value that is missing or non-finite on either side has no numeric delta. Going from a finite
// value to NaN/±Infinity is a failure (a diverged run) whatever the direction, and recovering
// from one is an improvement, so those still get a verdict.
export function metricDelta(baseline: MetricValue, value: MetricValue, direction: Direction | null): Delta {
  if (finite(baseline) && finite(value)) {
    const delta = value - baseline;
    const relative = baseline === 0 ? null : delta / Math.abs(baseline);
    if (delta === 0) return { delta, relative, verdict: "same" };
    if (!direction) return { delta, relative, verdict: "unknown" };
    const improved = direction === "min" ? delta < 0 : delta > 0;
    return { delta, relative, verdict: improved ? "better" : "worse" };
  }
  const broken = (v: MetricValue) => typeof v === "string";
  if (finite(baseline) && broken(value)) return { delta: null, relative: null, verdict: "worse" };
  if (broken(baseline) && finite(value)) return { delta: null, relative: null, verdict: "better" };
  if (broken(baseline) && broken(value) && baseline === value) return { delta: null, relative: null, verdict: "same" };
  return { delta: null, relative: null, verdict: "unknown" };
}

// Tailwind classes for a verdict: green better, red worse, neutral otherwise.
export const VERDICT_CLASS: Record<Verdict, string> = {
  better: "text-emerald-700",
  worse: "text-red-700",
  same: "text-slate-500",
  unknown: "text-slate-600",
};

// "+0.0123 (+4.1%)", "−0.2 (−50%)"; the sign is always shown so a column of deltas reads at a glance.
export function formatDelta(d: Delta, format: (v: number) => string): string {
  if (d.delta === null) return "";
  const sign = d.delta > 0 ? "+" : d.delta < 0 ? "−" : "±";
  const abs = format(Math.abs(d.delta));
  if (d.relative === null || d.delta === 0) return `${sign}${abs}`;
  const pct = Math.abs(d.relative * 100);
  return `${sign}${abs} (${sign}${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%)`;
}
