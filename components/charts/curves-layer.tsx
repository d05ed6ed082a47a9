"use client";

import { useId, useMemo } from "react";
import type { Range } from "./chart-data";
import type { DrawnCurve } from "./chart-model";
import { bandPath, linearMap, linePath, logMap, TENTHS, type AxisMap } from "./paths";
import { timed } from "./perf";

// The curves of a chart as plain SVG: per curve a faint min–max band (so spikes stay visible), the
// last-value line (faint behind the smoothed one when smoothing is on), dots where a curve has few
// points, and markers for NaN/±Infinity. Each path is built once per curve and view; hovering or
// highlighting only changes opacities.

export type PlotArea = { x: number; y: number; width: number; height: number };

type Props = {
  curves: DrawnCurve[];
  area: PlotArea;
  xDomain: Range;
  yDomain: Range;
  log: boolean;
  smoothing: boolean;
  highlight: string | null;
};

type Paths = { id: string; color: string; band: string; line: string; smooth: string; dots: Array<[number, number]> };

export function axisMaps(area: PlotArea, xDomain: Range, yDomain: Range, log: boolean): { sx: AxisMap; sy: AxisMap } {
  const yRange: Range = [area.y + area.height, area.y];
  return { sx: linearMap(xDomain, [area.x, area.x + area.width]), sy: log ? logMap(yDomain, yRange) : linearMap(yDomain, yRange) };
}

export function CurvesLayer({ curves, area, xDomain, yDomain, log, smoothing, highlight }: Props) {
  const clip = `plot-${useId().replace(/:/g, "")}`;
  const { sx, sy } = useMemo(() => axisMaps(area, xDomain, yDomain, log), [area, xDomain, yDomain, log]);
  const paths = useMemo(
    (): Paths[] =>
      timed("paths", () => {
        const sparse = curves.length === 1 ? 60 : 30;
        return curves.map(({ id, color, points: p }) => ({
          id,
          color,
          band: bandPath(p.x, p.min, p.max, p.n, sx, sy, log ? yDomain[0] : null),
          line: linePath(p.x, p.y, p.n, sx, sy),
          smooth: smoothing ? linePath(p.x, p.s, p.n, sx, sy) : "",
          // Few points: mark each, so isolated values between gaps stay visible.
          dots: p.n <= sparse ? Array.from(p.y, (v, i): [number, number] => [sx(p.x[i]), sy(v)]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) : [],
        }));
      }),
    [curves, smoothing, sx, sy, log, yDomain],
  );
  const dim = (id: string) => highlight !== null && highlight !== id;
  const bandOpacity = curves.length > 10 ? 0.08 : 0.16;
  // Stroke widths are in path units, tenths of a pixel (see paths.ts).
  const px = (v: number) => v * TENTHS;
  return (
    <g className="curves">
      <clipPath id={clip}>
        <rect x={area.x} y={area.y - 1} width={area.width} height={area.height + 2} />
      </clipPath>
      <g clipPath={`url(#${clip})`}>
        <g transform={`scale(${1 / TENTHS})`}>
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
              strokeWidth={px(0.75)}
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
                strokeWidth={px(smoothing ? 1 : c.id === highlight ? 2.5 : 1.5)}
                strokeLinejoin="round"
              />
              {smoothing ? <path className="series-smoothed" data-curve={c.id} d={c.smooth} fill="none" stroke={c.color} strokeWidth={px(c.id === highlight ? 2.5 : 1.75)} strokeLinejoin="round" /> : null}
            </g>
          ))}
        </g>
        {paths.map((c) =>
          c.dots.length === 0 ? null : (
            <g key={c.id} opacity={dim(c.id) ? 0.12 : 1}>
              {c.dots.map(([x, y], i) => (
                <circle key={i} cx={x} cy={y} r={1.75} fill={c.color} />
              ))}
            </g>
          ),
        )}
      </g>
      <NonFiniteMarkers curves={curves} area={area} sx={sx} />
    </g>
  );
}

const GLYPH = { NaN: "×", Infinity: "▲", "-Infinity": "▼", mixed: "◆" } as const;
const DESCRIBE = { NaN: "NaN", Infinity: "+Infinity", "-Infinity": "−Infinity", mixed: "non-finite values" } as const;

// NaN and +Infinity along the top edge, −Infinity along the bottom: present, never dropped.
function NonFiniteMarkers({ curves, area, sx }: { curves: DrawnCurve[]; area: PlotArea; sx: AxisMap }) {
  return (
    <g className="nonfinite-markers">
      {curves.flatMap((c) =>
        c.markers.map((m) => {
          const px = sx(m.x);
          if (!(px >= area.x - 1 && px <= area.x + area.width + 1)) return null;
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
