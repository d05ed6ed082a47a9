"use client";

import { useRef, useState, type MouseEvent } from "react";
import { formatExact, formatX } from "./axis-format";
import { nearestIndex, pointAt, type Range, type XMode } from "./chart-data";
import type { DrawnCurve } from "./chart-model";
import type { PlotArea } from "./curves-layer";

// Pointer interaction over the plot area, in plain HTML so the SVG never re-renders for it:
// a crosshair with the exact values of every curve at the nearest bucket, and drag-to-zoom.

export type CurveInfo = { label: string; detail?: string };

type Props = {
  area: PlotArea;
  curves: DrawnCurve[];
  info: ReadonlyMap<string, CurveInfo>;
  xDomain: Range;
  xMode: XMode;
  smoothing: boolean;
  onZoom: (range: Range) => void;
  onResetZoom: () => void;
};

const MIN_DRAG_PX = 6;
const MAX_ROWS = 16;

export function HoverOverlay(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const toData = (px: number) => p.xDomain[0] + (px / p.area.width) * (p.xDomain[1] - p.xDomain[0]);
  const pointerPx = (e: MouseEvent) => {
    const r = box.current!.getBoundingClientRect();
    return Math.min(Math.max(e.clientX - r.left, 0), p.area.width);
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const px = pointerPx(e);
    setDrag({ from: px, to: px });
  };
  const onMouseMove = (e: MouseEvent) => {
    const px = pointerPx(e);
    setHoverPx(px);
    if (drag) setDrag({ ...drag, to: px });
  };
  const onMouseUp = () => {
    if (drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX) {
      const a = toData(Math.min(drag.from, drag.to));
      const b = toData(Math.max(drag.from, drag.to));
      p.onZoom([a, b]);
    }
    setDrag(null);
  };

  const x = hoverPx === null ? null : toData(hoverPx);
  const rows =
    x === null || drag
      ? []
      : p.curves
          .map((c) => {
            const i = nearestIndex(c.points.x, x);
            return i < 0 ? null : { curve: c, point: pointAt(c.points, i) };
          })
          .filter((r) => r !== null)
          .sort((a, b) => (b.point.y ?? -Infinity) - (a.point.y ?? -Infinity));
  // The readout sits in the corner away from the pointer, so it never hides what is hovered.
  const flip = hoverPx !== null && hoverPx > p.area.width / 2;

  return (
    <div
      ref={box}
      data-testid="chart-plot"
      className="absolute cursor-crosshair"
      style={{ left: p.area.x, top: p.area.y, width: p.area.width, height: p.area.height }}
      onMouseDown={onMouseDown}
      onMouseMove={onMouseMove}
      onMouseUp={onMouseUp}
      onMouseLeave={() => {
        setHoverPx(null);
        setDrag(null);
      }}
      onDoubleClick={p.onResetZoom}
      title="drag to zoom · double-click to reset"
    >
      {drag ? (
        <div
          data-testid="zoom-selection"
          className="absolute inset-y-0 border-x border-sky-500 bg-sky-400/20"
          style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }}
        />
      ) : null}
      {hoverPx !== null && !drag ? <div className="pointer-events-none absolute inset-y-0 w-px bg-slate-400/70" style={{ left: hoverPx }} /> : null}
      {rows.length > 0 && hoverPx !== null ? (
        <div
          role="tooltip"
          data-testid="chart-readout"
          className="pointer-events-none absolute top-1 z-10 max-w-[min(32rem,100%)] overflow-hidden rounded border border-slate-200 bg-white/95 px-2 py-1.5 text-[11px] shadow-md"
          style={flip ? { left: 4 } : { right: 4 }}
        >
          <div className="mb-1 font-medium text-slate-500">
            {p.xMode === "step" ? "step" : p.xMode === "wall" ? "time (UTC)" : "since start"} ≈ {formatX(p.xMode)(x!)}
          </div>
          <table className="tabular-nums">
            <tbody>
              {rows.slice(0, MAX_ROWS).map(({ curve, point }) => {
                const info = p.info.get(curve.id);
                const range = point.count > 1 && point.lo !== null && point.hi !== null;
                return (
                  <tr key={curve.id}>
                    <td className="pr-1.5 align-top">
                      <span className="mt-1 inline-block size-2 rounded-full" style={{ background: curve.color }} />
                    </td>
                    <td className="max-w-[12rem] truncate pr-3 text-slate-700">{info?.label ?? curve.id}</td>
                    <td className="pr-3 text-right font-mono font-medium text-slate-900">{formatExact(point.y ?? point.raw)}</td>
                    {p.smoothing ? <td className="pr-3 text-right font-mono text-slate-500">ema {formatExact(point.s)}</td> : null}
                    <td className="whitespace-nowrap font-mono text-slate-500">
                      {range ? `[${formatExact(point.lo)}, ${formatExact(point.hi)}] · ` : ""}
                      {point.step === point.end ? `step ${point.lastStep}` : `steps ${point.step}–${point.end} (${point.count} pts)`}
                      {point.nonFinite > 0 ? <span className="text-red-700"> · {point.nonFinite} non-finite</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > MAX_ROWS ? <div className="mt-0.5 text-slate-400">+{rows.length - MAX_ROWS} more</div> : null}
        </div>
      ) : null}
    </div>
  );
}
