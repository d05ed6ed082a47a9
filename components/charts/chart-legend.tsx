"use client";

import type { CurveSpec } from "./metric-chart";

type Props = {
  curves: readonly Pick<CurveSpec, "id" | "label" | "detail" | "color">[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onHighlight: (id: string | null) => void;
  label?: string;
};

// Click a curve to hide or show it; hover to bring it forward and dim the others.
export function ChartLegend({ curves, hidden, onToggle, onHighlight, label = "Legend" }: Props) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-1 gap-y-0.5 px-2 py-1.5" onMouseLeave={() => onHighlight(null)}>
      {curves.map((c) => {
        const off = hidden.has(c.id);
        return (
          <li key={c.id}>
            <button
              type="button"
              aria-pressed={!off}
              data-curve={c.id}
              onClick={() => onToggle(c.id)}
              onMouseEnter={() => onHighlight(off ? null : c.id)}
              onFocus={() => onHighlight(off ? null : c.id)}
              title={`${c.detail ? `${c.detail} · ` : ""}click to ${off ? "show" : "hide"}`}
              className={`flex max-w-[18rem] items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] hover:bg-slate-100 ${off ? "text-slate-400 line-through" : "text-slate-700"}`}
            >
              <span aria-hidden className="inline-block h-0.5 w-3.5 shrink-0 rounded" style={{ background: off ? "#cbd5e1" : c.color, height: 3 }} />
              <span className="truncate">{c.label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
