"use client";

import { useMemo, useState } from "react";
import { ChartLegend } from "@/components/charts/chart-legend";
import { ChartToolbar } from "@/components/charts/chart-toolbar";
import { colorAt } from "@/components/charts/colors";
import { MetricChart, type CurveSpec } from "@/components/charts/metric-chart";
import { patchUrl, useChartView, useUrlParams } from "@/components/charts/use-chart-view";
import { formatCount } from "@/components/ui/format";
import type { ExecutionDetail } from "./types";

type SeriesKey = ExecutionDetail["series"][number];

// `ranks.train_loss=0,3` in the URL; by default the lowest rank of each key.
const rankParam = (key: string) => `ranks.${key}`;
function selectedRanks(text: string | null, available: number[]): number[] {
  const wanted = new Set((text ?? "").split(",").filter((s) => s !== "").map(Number));
  const chosen = available.filter((r) => wanted.has(r));
  return chosen.length ? chosen : available.slice(0, 1);
}

// One chart per series key of the execution, one curve per selected rank.
export function ExecutionCharts({ uuid, series, t0 }: { uuid: string; series: SeriesKey[]; t0: number }) {
  const chart = useChartView();
  const params = useUrlParams();
  const byKey = useMemo(() => {
    const m = new Map<string, SeriesKey[]>();
    for (const s of series) m.set(s.key, [...(m.get(s.key) ?? []), s]);
    return [...m.entries()];
  }, [series]);

  if (byKey.length === 0) {
    return <p className="text-xs text-slate-500">This execution logged no step metrics (send a series op to /api/v1/batches).</p>;
  }
  return (
    <div className="space-y-3">
      <ChartToolbar view={chart.view} setX={chart.setX} setLog={chart.setLog} setSmooth={chart.setSmooth} />
      <div className="grid gap-3 xl:grid-cols-2">
        {byKey.map(([key, ranks]) => (
          <KeyChart key={key} uuid={uuid} seriesKey={key} ranks={ranks} t0={t0} rankText={params.get(rankParam(key))} chart={chart} />
        ))}
      </div>
    </div>
  );
}

function KeyChart({ uuid, seriesKey, ranks, t0, rankText, chart }: {
  uuid: string;
  seriesKey: string;
  ranks: SeriesKey[];
  t0: number;
  rankText: string | null;
  chart: ReturnType<typeof useChartView>;
}) {
  const [highlight, setHighlight] = useState<string | null>(null);
  const available = useMemo(() => ranks.map((r) => r.rank), [ranks]);
  const chosen = selectedRanks(rankText, available);
  const chosenText = chosen.join(",");
  const curves = useMemo(
    (): CurveSpec[] =>
      chosenText.split(",").map(Number).map((rank) => ({
        id: `${uuid}#${rank}`,
        execution: uuid,
        key: seriesKey,
        rank,
        color: colorAt(available.indexOf(rank)),
        t0,
        label: `rank ${rank}`,
        detail: `${formatCount(ranks.find((r) => r.rank === rank)?.count ?? 0)} points`,
      })),
    [chosenText, uuid, seriesKey, available, ranks, t0],
  );
  const toggleRank = (rank: number) => {
    const next = chosen.includes(rank) ? chosen.filter((r) => r !== rank) : [...chosen, rank].sort((a, b) => a - b);
    patchUrl({ [rankParam(seriesKey)]: next.length ? next.join(",") : null });
  };
  const total = ranks.reduce((n, r) => n + r.count, 0);

  return (
    <MetricChart
      chartId={seriesKey}
      title={
        <>
          {seriesKey} <span className="font-sans text-[11px] font-normal text-slate-400">· {formatCount(total)} points</span>
        </>
      }
      curves={curves}
      view={chart.view}
      highlight={highlight}
      onZoom={chart.setZoom}
      legend={
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-3 py-1.5 text-[11px]">
          {available.length > 1 ? (
            <fieldset className="flex flex-wrap items-center gap-1" aria-label={`ranks of ${seriesKey}`}>
              <legend className="float-left mr-1 text-slate-500">ranks</legend>
              {available.map((r) => (
                <label key={r} className="flex items-center gap-1 rounded border border-slate-200 px-1.5 py-0.5">
                  <input type="checkbox" checked={chosen.includes(r)} onChange={() => toggleRank(r)} className="accent-slate-800" />
                  <span style={{ color: colorAt(available.indexOf(r)) }}>{r}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            <span className="text-slate-400">rank {available[0]}</span>
          )}
          {curves.length > 1 ? <ChartLegend curves={curves} hidden={chart.view.hidden} onToggle={chart.toggleHidden} onHighlight={setHighlight} /> : null}
        </div>
      }
    />
  );
}
