"use client";

import { useEffect, useState } from "react";
import { X_LABEL, X_MODES, type XMode } from "./chart-data";
import type { ChartView } from "./chart-view";
import { MAX_SMOOTHING } from "./ema";

type Props = {
  view: ChartView;
  setX: (x: XMode) => void;
  setLog: (log: boolean) => void;
  setSmooth: (s: number) => void;
};

// Settings shared by every chart on a page: x axis, log y, smoothing.
export function ChartToolbar({ view, setX, setLog, setSmooth }: Props) {
  // The slider moves freely; the URL (and every chart) follows once it rests.
  const [smooth, setLocal] = useState(view.smooth);
  useEffect(() => setLocal(view.smooth), [view.smooth]);
  useEffect(() => {
    if (smooth === view.smooth) return;
    const t = setTimeout(() => setSmooth(smooth), 150);
    return () => clearTimeout(t);
  }, [smooth, view.smooth, setSmooth]);

  return (
    <div role="toolbar" aria-label="Chart settings" className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-slate-600">
      <div className="flex items-center gap-1.5">
        <span className="text-slate-500">x axis</span>
        <div className="inline-flex overflow-hidden rounded border border-slate-300">
          {X_MODES.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={view.x === m}
              onClick={() => setX(m)}
              className={`px-2 py-0.5 ${view.x === m ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"} border-l border-slate-300 first:border-l-0`}
            >
              {X_LABEL[m]}
            </button>
          ))}
        </div>
      </div>
      <label className="flex items-center gap-1.5">
        <input type="checkbox" checked={view.log} onChange={(e) => setLog(e.target.checked)} className="accent-slate-800" />
        log y
      </label>
      <label className="flex items-center gap-2">
        <span className="text-slate-500">smoothing</span>
        <input
          type="range"
          aria-label="smoothing"
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          value={smooth}
          onChange={(e) => setLocal(Number(e.target.value))}
          className="w-32 accent-slate-800"
        />
        <span className="w-8 tabular-nums text-slate-700">{smooth.toFixed(2)}</span>
      </label>
      <span className="text-slate-400">band = min–max per bucket · ×/▲/▼ = NaN/+∞/−∞</span>
    </div>
  );
}
