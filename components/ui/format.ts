// Pure formatting for times, durations and numbers. Everything is computed from explicit inputs
// (the request's `now`, UTC, a fixed locale) so the server renders the same text on every
// machine and a hydrating client never disagrees with it.

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// "2026-11-22 10:00:05 UTC": sortable, unambiguous, independent of the viewer's locale.
export function formatAbsolute(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

const UNITS: Array<[limitMs: number, unitMs: number, label: string]> = [
  [60_000, 1_000, "s"],
  [3_600_000, 60_000, "min"],
  [86_400_000, 3_600_000, "h"],
  [30 * 86_400_000, 86_400_000, "d"],
];

// "just now", "5 min ago", "in 2 h"; past a month the date itself says more than "47 d ago".
export function formatRelative(d: Date, now: Date): string {
  const delta = now.getTime() - d.getTime();
  const abs = Math.abs(delta);
  if (abs < 5_000) return "just now";
  for (const [limit, unit, label] of UNITS) {
    if (abs < limit) {
      const n = Math.floor(abs / unit);
      return delta >= 0 ? `${n} ${label} ago` : `in ${n} ${label}`;
    }
  }
  return formatAbsolute(d).slice(0, 10);
}

// Two significant units at most: "850 ms", "12.3 s", "4 min 05 s", "2 h 07 min", "3 d 4 h".
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const s = Math.floor(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3_600)} h ${pad(Math.floor((s % 3_600) / 60))} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3_600)} h`;
}

// Metric values: four significant digits, scientific notation when that would hide the value.
export function formatMetric(v: number | string): string {
  if (typeof v === "string") return v;
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

const COUNT = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => COUNT.format(n);
