"use client";

import type { Direction } from "@/lib/compare/metric-direction";

const NEXT: Record<string, Direction | "none"> = { min: "max", max: "none", none: "min" };
const TEXT = { min: "↓ lower is better", max: "↑ higher is better", none: "no direction" } as const;

// Which way a metric improves; click to cycle (the choice goes into the URL as `dir=`).
export function DirectionToggle({ metric, direction, onChange }: { metric: string; direction: Direction | null; onChange: (d: Direction | "none") => void }) {
  const key = direction ?? "none";
  return (
    <button
      type="button"
      onClick={() => onChange(NEXT[key])}
      title={`${metric}: ${TEXT[key]} (click to change)`}
      aria-label={`direction of ${metric}: ${TEXT[key]}`}
      className="whitespace-nowrap rounded px-1 text-[10px] text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    >
      {TEXT[key]}
    </button>
  );
}
