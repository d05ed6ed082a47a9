"use client";

import { useMemo, useState } from "react";
import { ChartLegend } from "@/components/charts/chart-legend";
import { ChartToolbar } from "@/components/charts/chart-toolbar";
import { MetricChart, type CurveSpec } from "@/components/charts/metric-chart";
import { useChartView } from "@/components/charts/use-chart-view";
import type { Column } from "./types";

// Overlaid curves, one chart per series key, one curve per execution in its stable colour. The
// legend is shared: hiding or highlighting an execution does so on every chart.
type Props = { columns: Column[]; rank: number; ranks: number[]; waiting: boolean; onRank: (r: number) => void };

// `waiting`: the page is still streaming the curves it read for these charts.
export function CompareCharts({ columns, rank, ranks, waiting, onRank }: Props) {
  const chart = useChartView();
  const [highlight, setHighlight] = useState<string | null>(null);
  const charts = useMemo(() => {
    const byKey = new Map<string, CurveSpec[]>();
    for (const c of columns) {
      for (const s of c.execution.series) {
        if (s.rank !== rank) continue;
        const curve: CurveSpec = {
          id: c.execution.uuid,
          execution: c.execution.uuid,
          key: s.key,
          rank,
          color: c.color,
          t0: new Date(c.execution.startedAt).getTime(),
          label: c.execution.name,
          detail: c.execution.uuid,
        };
        byKey.set(s.key, [...(byKey.get(s.key) ?? []), curve]);
      }
    }
    return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [columns, rank]);
  const legend = useMemo(
    () => columns.map((c) => ({ id: c.execution.uuid, label: c.execution.name, detail: c.execution.uuid, color: c.color })),
    [columns],
  );

  return (
    <section aria-label="Curves" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ChartToolbar view={chart.view} setX={chart.setX} setLog={chart.setLog} setSmooth={chart.setSmooth} />
        {ranks.length > 1 ? (
          <label className="flex items-center gap-1.5 text-xs text-slate-600">
            rank
            <select value={rank} onChange={(e) => onRank(Number(e.target.value))} className="rounded border border-slate-300 bg-white px-1.5 py-0.5">
              {ranks.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="rounded-md border border-slate-200 bg-white shadow-xs">
        <ChartLegend curves={legend} hidden={chart.view.hidden} onToggle={chart.toggleHidden} onHighlight={setHighlight} label="Executions" />
      </div>
      {charts.length === 0 ? <p className="text-xs text-slate-500">None of these executions logged step metrics at rank {rank}.</p> : null}
      <div className={`grid gap-3 ${charts.length > 1 ? "xl:grid-cols-2" : ""}`}>
        {charts.map(([key, curves]) => (
          <MetricChart key={key} chartId={key} title={key} curves={curves} view={chart.view} highlight={highlight} onZoom={chart.setZoom} height={charts.length > 1 ? 260 : 340} waiting={waiting} />
        ))}
      </div>
    </section>
  );
}
