"use client";

import type { RefObject } from "react";
import { ToolbarButton } from "./controls";
import { Legend } from "./legend";
import type { CanvasApi } from "./lineage-canvas";

// What floats over the graph: view buttons, loading and error notes, the legend.
export function GraphOverlay({ canvas, selected, loading, pending, failed, truncated, max, onDropExpansion }: {
  canvas: RefObject<CanvasApi | null>;
  selected?: string;
  loading: boolean;
  pending: number;
  failed: Array<{ key: string; message: string }>;
  truncated: boolean;
  max: number;
  onDropExpansion(key: string): void;
}) {
  return (
    <>
      <div className="absolute right-2 top-2 z-10 flex gap-1">
        <ToolbarButton onClick={() => canvas.current?.fit()} title="Fit the whole graph in view">
          Fit
        </ToolbarButton>
        <ToolbarButton disabled={!selected} onClick={() => selected && canvas.current?.center(selected)} title="Centre on the selected node">
          Centre on selection
        </ToolbarButton>
      </div>
      <div className="absolute left-2 top-2 z-10 flex max-w-[70%] flex-col gap-1 text-xs">
        {loading ? <span className="rounded bg-white/90 px-2 py-1 text-slate-600 shadow-xs">Loading lineage…</span> : null}
        {pending ? <span className="rounded bg-white/90 px-2 py-1 text-slate-600 shadow-xs">Expanding {pending}…</span> : null}
        {truncated ? (
          <span role="status" className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-800">
            Cut at {max} nodes per request: raise “Max nodes” or expand boundary nodes to see more.
          </span>
        ) : null}
        {failed.map((f) => (
          <span key={f.key} role="alert" className="flex items-start gap-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-red-800">
            <span>
              Expansion {f.key} failed: {f.message}
            </span>
            <button type="button" className="shrink-0 underline" onClick={() => onDropExpansion(f.key)}>
              remove
            </button>
          </span>
        ))}
      </div>
      <Legend />
    </>
  );
}
