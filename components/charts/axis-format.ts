import type { XMode } from "./chart-data";

// Tick and readout text for chart axes. Wall times are UTC, like every absolute time in the UI.

const pad = (n: number) => String(n).padStart(2, "0");

export function formatStep(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${+(v / 1e9).toPrecision(3)}G`;
  if (abs >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (abs >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(Math.round(v * 100) / 100);
}

export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// Seconds since the start: "45 s", "12:30" (min:s), "3:05:00" (h:min:s).
export function formatElapsed(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${+s.toPrecision(3)} s`;
  const whole = Math.round(s);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(whole % 60)}` : `${sign}${m}:${pad(whole % 60)}`;
}

export const formatX = (mode: XMode) => (v: number) =>
  mode === "step" ? formatStep(v) : mode === "wall" ? formatClock(v) : formatElapsed(v);

// Y ticks: short, and exponent form where decimals would hide the value.
export function formatY(v: number): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(1);
  return String(+v.toPrecision(3));
}

// Readout values: enough digits to tell close curves apart.
export function formatExact(v: number | string | null): string {
  if (v === null) return "–";
  if (typeof v === "string") return v;
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) return v.toExponential(4);
  return String(+v.toPrecision(6));
}
