"use client";

import { memo } from "react";
import { formatX, formatY } from "./axis-format";
import type { Range, XMode } from "./chart-data";
import { fittingTicks, FONT_SIZE, TICK_SIZE } from "./chart-frame";
import type { DrawnCurve } from "./chart-model";
import { axisMaps, CurvesLayer, type PlotArea } from "./curves-layer";

// The chart's SVG: grid, axes with their ticks, and the curves. Plain SVG drawn by React, no chart
// library: recharts, which laid out the axes here, cost extra render passes (the curves waited for
// its plot area, then were built twice) and an 88 kB chunk fetched after hydration; with one
// recharts <Area>/<Line> per curve, 50 overlaid curves had taken ~27 s.
// Memoised: hover and drag never re-render it.

type Props = {
  curves: DrawnCurve[];
  xDomain: Range;
  yDomain: Range;
  xTicks: number[];
  yTicks: number[];
  xMode: XMode;
  log: boolean;
  smoothing: boolean;
  highlight: string | null;
  width: number;
  height: number;
  area: PlotArea;
};

const GRID = "#e2e8f0";
const AXIS = "#94a3b8";
const LABEL = "#64748b";

export const ChartLayers = memo(function ChartLayers(p: Props) {
  const { sx, sy } = axisMaps(p.area, p.xDomain, p.yDomain, p.log);
  const { x, y, width, height } = p.area;
  const bottom = y + height;
  const xs = fittingTicks(p.xTicks, formatX(p.xMode), sx).filter((t) => t.x >= x - 0.5 && t.x <= x + width + 0.5);
  const ys = p.yTicks.map((v) => ({ v, py: sy(v) })).filter((t) => t.py >= y - 0.5 && t.py <= bottom + 0.5);
  return (
    <svg width={p.width} height={p.height} className="block overflow-visible" fontSize={FONT_SIZE}>
      <g className="grid" stroke={GRID} strokeDasharray="3 3">
        {ys.map((t) => (
          <line key={`y${t.v}`} x1={x} x2={x + width} y1={t.py} y2={t.py} />
        ))}
        {xs.map((t) => (
          <line key={`x${t.value}`} x1={t.x} x2={t.x} y1={y} y2={bottom} />
        ))}
      </g>
      <g className="x-axis" stroke={AXIS}>
        <line x1={x} x2={x + width} y1={bottom} y2={bottom} />
        {xs.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={bottom} y2={bottom + TICK_SIZE} />
            <text x={t.x} y={bottom + TICK_SIZE + 2} dy="0.71em" textAnchor="middle" fill={LABEL} stroke="none">
              {t.text}
            </text>
          </g>
        ))}
      </g>
      <g className="y-axis" stroke={AXIS}>
        <line x1={x} x2={x} y1={y} y2={bottom} />
        {ys.map((t) => (
          <g key={t.v}>
            <line x1={x - TICK_SIZE} x2={x} y1={t.py} y2={t.py} />
            <text x={x - TICK_SIZE - 2} y={t.py} dy="0.355em" textAnchor="end" fill={LABEL} stroke="none">
              {formatY(t.v)}
            </text>
          </g>
        ))}
      </g>
      <CurvesLayer curves={p.curves} area={p.area} xDomain={p.xDomain} yDomain={p.yDomain} log={p.log} smoothing={p.smoothing} highlight={p.highlight} />
    </svg>
  );
});
