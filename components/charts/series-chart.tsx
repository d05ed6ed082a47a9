"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PlotArea } from "recharts";
import type { Range, XMode } from "./chart-data";
import { ChartLayers } from "./chart-layers";
import type { DrawnCurve } from "./chart-model";
import { HoverOverlay, type CurveInfo } from "./hover-overlay";

// One chart: the recharts layers plus an HTML overlay for the hover readout and drag-to-zoom.
// Loaded with next/dynamic (ssr: false) by metric-chart.tsx. Once every curve is drawn it records
// when (performance.now(), ms since navigation) for the bench and the browser tests.

export type SeriesChartProps = {
  chartId: string;
  curves: DrawnCurve[];
  info: ReadonlyMap<string, CurveInfo>;
  xDomain: Range;
  yDomain: Range;
  xTicks: number[];
  yTicks: number[];
  xMode: XMode;
  log: boolean;
  smoothing: boolean;
  highlight: string | null;
  ready: boolean; // every visible curve has its data
  height?: number;
  onZoom: (range: Range) => void;
  onResetZoom: () => void;
};

declare global {
  interface Window {
    __provscopeCharts?: Record<string, { renderedMs: number; curves: number; maxPoints: number }>;
  }
}

export function SeriesChart(p: SeriesChartProps) {
  const [area, setArea] = useState<PlotArea | null>(null);
  const [renderedMs, setRenderedMs] = useState<number | null>(null);
  const onPlotArea = useCallback((a: PlotArea) => {
    setArea((prev) => (prev && prev.x === a.x && prev.y === a.y && prev.width === a.width && prev.height === a.height ? prev : a));
  }, []);
  const height = p.height ?? 260;
  const maxPoints = p.curves.reduce((m, c) => Math.max(m, c.points.length), 0);
  const wrapper = useRef<HTMLDivElement>(null);

  // Two frames after the commit that drew every curve, the browser has painted it.
  const drawn = p.ready && area !== null;
  const { chartId, curves } = p;
  useEffect(() => {
    if (!drawn) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const ms = Math.round(performance.now());
        setRenderedMs((prev) => prev ?? ms);
        window.__provscopeCharts = { ...window.__provscopeCharts, [chartId]: { renderedMs: ms, curves: curves.length, maxPoints } };
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [drawn, chartId, curves, maxPoints]);

  return (
    <div
      ref={wrapper}
      className="relative select-none"
      style={{ height }}
      data-chart-ready={drawn ? "true" : "false"}
      data-rendered-ms={renderedMs ?? undefined}
      data-series-count={p.curves.length}
      data-max-points={maxPoints}
      data-x-from={p.xDomain[0]}
      data-x-to={p.xDomain[1]}
      data-y-min={p.yDomain[0]}
      data-y-max={p.yDomain[1]}
    >
      <ChartLayers
        curves={p.curves}
        xDomain={p.xDomain}
        yDomain={p.yDomain}
        xTicks={p.xTicks}
        yTicks={p.yTicks}
        xMode={p.xMode}
        log={p.log}
        smoothing={p.smoothing}
        highlight={p.highlight}
        height={height}
        onPlotArea={onPlotArea}
      />
      {area ? (
        <HoverOverlay
          area={area}
          curves={p.curves}
          info={p.info}
          xDomain={p.xDomain}
          xMode={p.xMode}
          smoothing={p.smoothing}
          onZoom={p.onZoom}
          onResetZoom={p.onResetZoom}
        />
      ) : null}
    </div>
  );
}
