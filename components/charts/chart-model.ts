import { nonFiniteMarkers, stepWindow, toCurvePoints, xExtent, yDomain, type CurvePoints, type Marker, type Range, type XMode } from "./chart-data";
import { emaColumn } from "./ema";
import { emptyColumns, type SeriesColumns } from "./series-columns";
import { linearTicks, logTicks, niceDomain, xTicks } from "./ticks";

// Everything a chart draws, computed from the curves' columns and the view: points on the current
// x axis, smoothing, domains and non-finite markers. Pure.

export type DrawnCurve = { id: string; color: string; points: CurvePoints; markers: Marker[] };

export type CurveData = { id: string; color: string; t0: number | null; columns: SeriesColumns | undefined };
export type ChartModel = { curves: DrawnCurve[]; xDomain: Range; yDomain: Range; xTicks: number[]; yTicks: number[]; log: boolean };

// A curve whose data is still loading is drawn empty, not dropped.
const NONE: SeriesColumns = emptyColumns(0);

export function buildChart(input: readonly CurveData[], o: { x: XMode; log: boolean; smooth: number; zoom: Range | null }): ChartModel {
  const points = input.map((c) => {
    const p = toCurvePoints(c.columns ?? NONE, o.x, c.t0);
    return o.smooth > 0 ? { ...p, s: emaColumn(p.y, o.smooth) } : p;
  });
  const xDomain: Range = o.zoom ?? xExtent(points, o.x) ?? [0, 1];
  const y = o.log ? yDomain(points, xDomain, true) : niceDomain(yDomain(points, xDomain, false, false));
  const curves = input.map((c, i) => ({ id: c.id, color: c.color, points: points[i], markers: nonFiniteMarkers(points[i]) }));
  return { curves, xDomain, yDomain: y, xTicks: xTicks(xDomain, o.x), yTicks: o.log ? logTicks(y) : linearTicks(y), log: o.log };
}

// The step window to query for a zoom window on the current x axis. On a step axis that is the
// window itself; on a time axis it is read off the points shown before zooming.
export function zoomSteps(zoom: Range, x: XMode, shown: CurvePoints): { from: number; to: number } | null {
  if (x === "step") return { from: Math.max(0, Math.floor(zoom[0])), to: Math.max(0, Math.ceil(zoom[1])) };
  return stepWindow(shown, zoom[0], zoom[1]);
}
