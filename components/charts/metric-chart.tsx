"use client";

import { useMemo, type ReactNode } from "react";
import { useSeriesMany, type SeriesRequest } from "@/components/api/hooks/use-series";
import { formatCount } from "@/components/ui/format";
import type { Range } from "./chart-data";
import { buildChart, zoomSteps } from "./chart-model";
import type { ChartView } from "./chart-view";
import type { CurveInfo } from "./hover-overlay";
import { formatX } from "./axis-format";
import { timed } from "./perf";
import { SeriesChart } from "./series-chart";
import { columnsOf } from "./series-columns";
import { useMounted } from "./use-mounted";

// One curve: a series (execution, key, rank) with its colour and label.
export type CurveSpec = CurveInfo & { id: string; execution: string; key: string; rank: number; color: string; t0: number | null };

type Props = {
  chartId: string;
  title: ReactNode;
  curves: readonly CurveSpec[];
  view: ChartView;
  highlight: string | null;
  onZoom: (chartId: string, range: Range | null) => void;
  height?: number;
  legend?: ReactNode;
  waiting?: boolean; // the page is still receiving the curves it preloaded: ask the API for nothing yet
};

// A chart of several curves, fetched as min/max/last buckets (≤ 1,000 per curve). Zooming asks the
// server for the window again, so a small window is drawn at full resolution.
export function MetricChart({ chartId, title, curves, view, highlight, onZoom, height, legend, waiting = false }: Props) {
  const visible = useMemo(() => curves.filter((c) => !view.hidden.has(c.id)), [curves, view.hidden]);
  const zoom = view.zoom.get(chartId) ?? null;

  const mounted = useMounted();
  const overview = useSeriesMany(useMemo(() => (waiting ? [] : visible.map((c): SeriesRequest => ({ execution: c.execution, key: c.key, rank: c.rank }))), [visible, waiting]));
  const unzoomedData = useMemo(
    () => visible.map((c, i) => ({ id: c.id, color: c.color, t0: c.t0, columns: overview.data[i] && columnsOf(overview.data[i]) })),
    [visible, overview.data],
  );
  // Drawn once every curve has arrived: drawing 50 curves once is cheap, redrawing all of them as
  // each one arrives is not.
  const unzoomed = useMemo(
    () => (!mounted || waiting || overview.pending ? null : timed(`${chartId}:model`, () => buildChart(unzoomedData, { x: view.x, log: view.log, smooth: view.smooth, zoom: null }))),
    [mounted, waiting, overview.pending, unzoomedData, view.x, view.log, view.smooth, chartId],
  );
  const zoomed = useZoomedSeries(visible, zoom, view.x, unzoomed);
  const model = useMemo(() => {
    if (!zoom || !unzoomed) return unzoomed;
    // Until the window arrives, the coarse curves are shown cut to it.
    const data = !zoomed.pending ? visible.map((c) => ({ id: c.id, color: c.color, t0: c.t0, columns: zoomed.byCurve.get(c.id) })) : unzoomedData;
    return buildChart(data, { x: view.x, log: view.log, smooth: view.smooth, zoom });
  }, [zoom, unzoomed, unzoomedData, zoomed.pending, zoomed.byCurve, visible, view.x, view.log, view.smooth]);

  const info = useMemo(() => new Map(curves.map((c) => [c.id, { label: c.label, detail: c.detail }])), [curves]);
  const ready = model !== null && (!zoom || !zoomed.pending);
  const loaded = overview.data.filter((d) => d !== undefined).length;
  const errors = [...overview.errors, ...zoomed.errors].filter((e) => e !== null);
  const single = mounted && visible.length === 1 ? (zoom ? zoomed.data[0] : overview.data[0]) : undefined;
  const fmt = formatX(view.x);

  return (
    <section aria-label={`chart ${chartId}`} data-chart={chartId} className="rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-3 py-1.5">
        <h3 className="min-w-0 truncate font-mono text-[13px] font-semibold text-slate-800">{title}</h3>
        <div className="flex items-center gap-3 text-[11px] text-slate-500">
          {single ? (
            <span title="points in the window; each bucket keeps the min, max and last value of its steps">
              {single.fullResolution ? `${formatCount(single.count)} points, full resolution` : `${formatCount(single.count)} points → ${formatCount(columnsOf(single).n)} buckets of ${formatCount(single.bucketWidth)} steps`}
            </span>
          ) : null}
          {mounted && (zoomed.fetching || overview.fetching) ? <span className="text-sky-600">loading…</span> : null}
          {zoom ? (
            <>
              <span data-testid="zoom-window">
                {fmt(zoom[0])} – {fmt(zoom[1])}
              </span>
              <button type="button" onClick={() => onZoom(chartId, null)} className="rounded border border-slate-300 px-1.5 py-0.5 text-slate-700 hover:bg-slate-50">
                Reset zoom
              </button>
            </>
          ) : (
            <span className="text-slate-400">drag to zoom</span>
          )}
        </div>
      </header>
      {errors.length > 0 ? (
        <p role="alert" className="border-b border-red-100 bg-red-50 px-3 py-1 text-xs text-red-700">
          {errors[0].message}
          {errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}
        </p>
      ) : null}
      <div className="px-1 pt-1">
        {visible.length === 0 ? (
          <ChartPlaceholder text="every curve is hidden; click one in the legend to show it" height={height} />
        ) : !model ? (
          <ChartPlaceholder text={!mounted ? "loading chart…" : waiting ? `receiving ${visible.length} curves…` : `loading ${loaded} of ${visible.length} curves…`} height={height} />
        ) : (
          <SeriesChart
            chartId={chartId}
            curves={model.curves}
            info={info}
            xDomain={model.xDomain}
            yDomain={model.yDomain}
            xTicks={model.xTicks}
            yTicks={model.yTicks}
            xMode={view.x}
            log={view.log}
            smoothing={view.smooth > 0}
            highlight={highlight}
            ready={ready}
            height={height}
            onZoom={(r) => onZoom(chartId, r)}
            onResetZoom={() => onZoom(chartId, null)}
          />
        )}
      </div>
      {legend}
    </section>
  );
}

// The zoom window asked for again, per visible curve (a curve with nothing in the window has no request).
function useZoomedSeries(visible: readonly CurveSpec[], zoom: Range | null, x: ChartView["x"], unzoomed: ReturnType<typeof buildChart> | null) {
  const requests = useMemo(() => {
    if (!zoom || !unzoomed) return [];
    return visible.flatMap((c, i) => {
      const steps = zoomSteps(zoom, x, unzoomed.curves[i].points);
      return steps ? [{ id: c.id, request: { execution: c.execution, key: c.key, rank: c.rank, ...steps } }] : [];
    });
  }, [zoom, visible, x, unzoomed]);
  const results = useSeriesMany(useMemo(() => requests.map((r) => r.request), [requests]));
  const byCurve = useMemo(() => new Map(requests.map((r, i) => [r.id, results.data[i] && columnsOf(results.data[i])])), [requests, results.data]);
  return { ...results, byCurve };
}

function ChartPlaceholder({ text, height = 260 }: { text: string; height?: number }) {
  return (
    <div className="flex items-center justify-center text-xs text-slate-400" style={{ height }}>
      {text}
    </div>
  );
}
