"use client";

import type { RefObject } from "react";
import { MAX_LINEAGE_DEPTH } from "@/lib/schemas/lineage";
import type { Grouping, LineageView, ViewMode } from "@/lib/schemas/lineage-view";
import { AsOfControl } from "./as-of-control";
import { Segmented, Stepper, ToolbarButton } from "./controls";
import { ExportMenu } from "./export-menu";
import type { LineageGraph } from "./graph-model";
import { GraphSearch } from "./graph-search";
import type { CanvasApi } from "./lineage-canvas";

const MODES: ReadonlyArray<readonly [ViewMode, string]> = [["all", "Artifacts + executions"], ["artifacts", "Artifacts"], ["executions", "Executions"]];
const GROUPS: ReadonlyArray<readonly [Grouping, string]> = [["none", "No groups"], ["stage", "Stage"], ["pipeline", "Pipeline"]];
const BUDGETS = [200, 500, 1000, 2000, 5000];

// Every control writes the view state (the address); nothing here holds state of its own except
// the search text and the as-of draft.
export function LineageToolbar({ view, setView, graph, memberOf, canvas, onHits, onFound }: {
  view: LineageView;
  setView(v: LineageView): void;
  graph: LineageGraph | null;
  memberOf: ReadonlyMap<string, string>;
  canvas: RefObject<CanvasApi | null>;
  onHits(ids: ReadonlySet<string>): void;
  onFound(id: string, cluster: string | undefined): void;
}) {
  // Expansions stay: they are answers about other nodes, true at any depth.
  const depth = (side: "up" | "down", n: number) => {
    const next = { ...view, [side]: n };
    if (next.up === 0 && next.down === 0) return;
    setView(next);
  };
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2 shadow-xs">
      <GraphSearch graph={graph} memberOf={memberOf} onHits={onHits} onFound={onFound} />
      <div className="flex items-center gap-2">
        <Stepper label="Upstream depth" value={view.up} min={0} max={MAX_LINEAGE_DEPTH} onChange={(n) => depth("up", n)}>
          ◂ Up
        </Stepper>
        <Stepper label="Downstream depth" value={view.down} min={0} max={MAX_LINEAGE_DEPTH} onChange={(n) => depth("down", n)}>
          Down ▸
        </Stepper>
      </div>
      <Segmented label="Show" value={view.mode} options={MODES} onChange={(mode) => setView({ ...view, mode })} />
      <Segmented label="Group by" value={view.group} options={GROUPS} onChange={(group) => setView({ ...view, group })} />
      <label className="inline-flex items-center gap-1 text-xs text-slate-500" title="Collapse fan-outs of at least this many same-type nodes (0: never)">
        Cluster ≥
        <input
          type="number"
          min={0}
          max={10000}
          value={view.cluster}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 10000) setView({ ...view, cluster: n });
          }}
          aria-label="Cluster fan-outs of at least"
          className="w-12 rounded border border-slate-300 px-1 py-0.5 text-xs tabular-nums"
        />
      </label>
      <label className="inline-flex items-center gap-1 text-xs text-slate-500">
        Max nodes
        <select
          aria-label="Max nodes per request"
          value={view.max}
          onChange={(e) => setView({ ...view, max: Number(e.target.value) })}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
        >
          {[...new Set([...BUDGETS, view.max])].sort((a, b) => a - b).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <AsOfControl asOf={view.asOf} graph={graph} onChange={(asOf) => setView({ ...view, asOf })} />
      <div className="ml-auto flex items-center gap-2">
        <ToolbarButton aria-pressed={view.table} onClick={() => setView({ ...view, table: !view.table })}>
          {view.table ? "Hide table" : "Table"}
        </ToolbarButton>
        <ExportMenu graph={graph} canvas={canvas} asOf={view.asOf} />
      </div>
    </div>
  );
}
