"use client";

import { memo, useEffect, useId, useMemo } from "react";
import { CartesianGrid, ComposedChart, ResponsiveContainer, usePlotArea, useXAxisScale, useYAxisScale, XAxis, YAxis, type PlotArea } from "recharts";
import { formatX, formatY } from "./axis-format";
import type { Range, XMode } from "./chart-data";
import type { DrawnCurve } from "./chart-model";
import { bandPath, linePath, type Scale } from "./paths";

// The recharts part of a chart: layout, axes, grid and scales from recharts; the curves in one
// SVG layer of plain paths drawn with recharts' scales. (One recharts <Area>/<Line> per curve
// costs ~0.5 s each at 1,000 points: 50 overlaid curves took ~27 s to appear.) Per curve: a faint
// min–max band (so spikes stay visible), the last-value line (faint behind the smoothed one when
// smoothing is on), and markers for NaN/±Infinity. Memoised: hover and drag never re-render it.

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
  height: number;
  onPlotArea: (area: PlotArea) => void;
};

const MARGIN = { top: 12, right: 16, bottom: 4, left: 4 };

export const ChartLayers = memo(function ChartLayers(p: Props) {
  return (
    <ResponsiveContainer width="100%" height={p.height}>
      <ComposedChart margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={p.xDomain}
          ticks={p.xTicks}
          interval="preserveStartEnd"
          allowDataOverflow
          tickFormatter={formatX(p.xMode)}
          tick={{ fontSize: 11, fill: "#64748b" }}
          stroke="#94a3b8"
          minTickGap={24}
        />
        <YAxis
          type="number"
          domain={p.yDomain}
          ticks={p.yTicks}
          allowDataOverflow
          scale={p.log ? "log" : "linear"}
          tickFormatter={formatY}
          tick={{ fontSize: 11, fill: "#64748b" }}
          stroke="#94a3b8"
          width={58}
        />
        <CurvesLayer curves={p.curves} smoothing={p.smoothing} highlight={p.highlight} />
        <NonFiniteMarkers curves={p.curves} />
        <PlotAreaReporter onPlotArea={p.onPlotArea} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

type Paths = { id: string; color: string; band: string; line: string; smooth: string; dots: Array<[number, number]> };

function CurvesLayer({ curves, smoothing, highlight }: { curves: DrawnCurve[]; smoothing: boolean; highlight: string | null }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const clip = `plot-${useId().replace(/:/g, "")}`;
  const paths = useMemo((): Paths[] => {
    if (!xScale || !yScale) return [];
    const sx: Scale = (v) => xScale(v) as number | undefined;
    const sy: Scale = (v) => yScale(v) as number | undefined;
    const sparse = curves.length === 1 ? 60 : 30;
    return curves.map((c) => ({
      id: c.id,
      color: c.color,
      band: bandPath(c.points, sx, sy),
      line: linePath(c.points, sx, (pt) => pt.yAxis, sy),
      smooth: smoothing ? linePath(c.points, sx, (pt) => pt.sAxis, sy) : "",
      // Few points: mark each, so isolated values between gaps stay visible.
      dots: c.points.length <= sparse ? c.points.flatMap((pt) => (pt.yAxis === null ? [] : [[sx(pt.x) ?? NaN, sy(pt.yAxis) ?? NaN] as [number, number]])) : [],
    }));
  }, [curves, smoothing, xScale, yScale]);
  if (!area) return null;
  const dim = (id: string) => highlight !== null && highlight !== id;
  const bandOpacity = curves.length > 10 ? 0.08 : 0.16;
  return (
    <g className="curves">
      <clipPath id={clip}>
        <rect x={area.x} y={area.y - 1} width={area.width} height={area.height + 2} />
      </clipPath>
      <g clipPath={`url(#${clip})`}>
        {paths.map((c) => (
          // The faint outline makes a one-bucket spike a visible hairline, not a sub-pixel sliver.
          <path
            key={c.id}
            className="series-band"
            data-curve={c.id}
            d={c.band}
            fill={c.color}
            fillOpacity={dim(c.id) ? bandOpacity / 4 : bandOpacity}
            stroke={c.color}
            strokeOpacity={dim(c.id) ? 0.05 : bandOpacity * 2.5}
            strokeWidth={0.75}
            strokeLinejoin="round"
          />
        ))}
        {paths.map((c) => (
          <g key={c.id} opacity={dim(c.id) ? 0.12 : 1}>
            <path
              className="series-line"
              data-curve={c.id}
              d={c.line}
              fill="none"
              stroke={c.color}
              strokeOpacity={smoothing ? 0.3 : 1}
              strokeWidth={smoothing ? 1 : c.id === highlight ? 2.5 : 1.5}
              strokeLinejoin="round"
            />
            {smoothing ? <path className="series-smoothed" data-curve={c.id} d={c.smooth} fill="none" stroke={c.color} strokeWidth={c.id === highlight ? 2.5 : 1.75} strokeLinejoin="round" /> : null}
            {c.dots.map(([x, y], i) => (
              <circle key={i} cx={x} cy={y} r={1.75} fill={c.color} />
            ))}
          </g>
        ))}
      </g>
    </g>
  );
}

// The overlay needs the plot rectangle in pixels to map the pointer to data values.
function PlotAreaReporter({ onPlotArea }: { onPlotArea: (a: PlotArea) => void }) {
  const area = usePlotArea();
  useEffect(() => {
    if (area && area.width > 0) onPlotArea(area);
  }, [area, onPlotArea]);
  return null;
}

const GLYPH = { NaN: "×", Infinity: "▲", "-Infinity": "▼", mixed: "◆" } as const;
const DESCRIBE = { NaN: "NaN", Infinity: "+Infinity", "-Infinity": "−Infinity", mixed: "non-finite values" } as const;

// NaN and +Infinity along the top edge, −Infinity along the bottom: present, never dropped.
function NonFiniteMarkers({ curves }: { curves: DrawnCurve[] }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  return (
    <g className="nonfinite-markers">
      {curves.flatMap((c) =>
        c.markers.map((m) => {
          const px = x(m.x) as number | undefined;
          if (px === undefined || px < area.x - 1 || px > area.x + area.width + 1) return null;
          const py = m.kind === "-Infinity" ? area.y + area.height - 6 : area.y + 6;
          const steps = m.step === m.end ? `step ${m.step}` : `steps ${m.step}–${m.end}`;
          const text = `${m.count} × ${DESCRIBE[m.kind]} at ${steps}`;
          return (
            <text key={`${c.id}-${m.step}`} x={px} y={py} textAnchor="middle" dominantBaseline="middle" fontSize={11} fontWeight={700} fill={c.color} data-marker={m.kind} role="img" aria-label={text}>
              <title>{text}</title>
              {GLYPH[m.kind]}
            </text>
          );
        }),
      )}
    </g>
  );
}
