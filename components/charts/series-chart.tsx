"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Range, XMode } from "./chart-data";
import { plotArea } from "./chart-frame";
import { ChartLayers } from "./chart-layers";
import type { DrawnCurve } from "./chart-model";
import { HoverOverlay, type CurveInfo } from "./hover-overlay";
import { mark } from "./perf";

// One chart: the SVG layers plus an HTML overlay for the hover readout and drag-to-zoom. Drawn in
// the browser only (metric-chart.tsx computes nothing before it is mounted). Once every curve is
// drawn it records when (performance.now(), ms since navigation) for the bench and the browser tests.

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
  const [renderedMs, setRenderedMs] = useState<number | null>(null);
  const height = p.height ?? 260;
  const maxPoints = p.curves.reduce((m, c) => Math.max(m, c.points.n), 0);
  const wrapper = useRef<HTMLDivElement>(null);
  // Measured before the first paint, then kept in step with the layout.
  const [width, setWidth] = useState(0);
  const area = useMemo(() => (width > 0 ? plotArea(width, height) : null), [width, height]);
  useLayoutEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A task queued from the frame after the commit that drew every curve runs once it is painted.
  const drawn = p.ready && area !== null;
  const { chartId, curves } = p;
  useLayoutEffect(() => {
    if (drawn) mark(`${chartId}:committed`);
  }, [drawn, chartId]);
  useEffect(() => {
    if (!drawn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const ms = Math.round(performance.now());
        mark(`${chartId}:drawn`);
        setRenderedMs((prev) => prev ?? ms);
        window.__provscopeCharts = { ...window.__provscopeCharts, [chartId]: { renderedMs: ms, curves: curves.length, maxPoints } };
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
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
      {area ? (
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
          width={width}
          height={height}
          area={area}
        />
      ) : null}
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
