"use client";

import { useMemo, useState } from "react";
import type { LineageGraph } from "./graph-model";
import { ToolbarButton } from "./controls";

// Time travel: the lineage as it was at a moment (UTC). The slider spans the times of the loaded
// nodes; the field takes an exact time. Both apply on release / Enter, so dragging does not fire a
// request per pixel.

const toField = (iso: string) => iso.slice(0, 19);
const fromField = (v: string) => (v ? `${v.length === 16 ? `${v}:00` : v.slice(0, 19)}Z` : undefined);

export function AsOfControl({ asOf, graph, onChange }: { asOf?: string; graph: LineageGraph | null; onChange(asOf: string | undefined): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [slide, setSlide] = useState<number | null>(null);
  const range = useMemo(() => {
    const times = graph ? Object.values(graph.nodes).map((n) => Date.parse(n.kind === "artifact" ? n.createdAt : n.startedAt)) : [];
    // From the oldest to just after the newest node (not "now", which would differ between the
    // server render and the browser).
    const min = times.length ? Math.min(...times) : 0;
    const max = times.length ? Math.max(...times) : 0;
    return { min: Math.floor(min / 1000) * 1000, max: Math.ceil(max / 1000) * 1000 + 60_000 };
  }, [graph]);
  const current = asOf ? Date.parse(asOf) : range.max;
  const commitSlide = () => {
    if (slide === null) return;
    onChange(slide >= range.max - 1000 ? undefined : new Date(slide).toISOString().replace(/\.\d+Z$/, "Z"));
    setSlide(null);
  };

  return (
    <div className="inline-flex items-center gap-1.5" role="group" aria-label="As of">
      <span className="text-xs text-slate-500">As of</span>
      <input
        type="range"
        aria-label="As of (slider)"
        min={range.min}
        max={range.max}
        step={1000}
        value={slide ?? Math.min(Math.max(current, range.min), range.max)}
        onChange={(e) => setSlide(Number(e.target.value))}
        onPointerUp={commitSlide}
        onKeyUp={commitSlide}
        className="w-28 accent-sky-600"
      />
      <input
        type="datetime-local"
        step={1}
        aria-label="As of (UTC)"
        value={draft ?? (asOf ? toField(asOf) : "")}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && draft !== null) {
            onChange(fromField(draft));
            setDraft(null);
          }
        }}
        className="rounded border border-slate-300 px-1 py-0.5 text-xs tabular-nums"
      />
      <span className="text-[10px] text-slate-400">UTC</span>
      {draft !== null ? (
        <ToolbarButton
          onClick={() => {
            onChange(fromField(draft));
            setDraft(null);
          }}
        >
          Apply
        </ToolbarButton>
      ) : null}
      {asOf ? (
        <ToolbarButton onClick={() => onChange(undefined)} title="Show the graph as it is now">
          Now
        </ToolbarButton>
      ) : null}
    </div>
  );
}
