import type { DrawnPoint } from "./chart-model";

// SVG path data for one curve, in pixels: the min–max band as closed polygons and the lines as
// polylines, both broken wherever a value is missing (a NaN, a value a log axis cannot show).
// One <path> per layer and curve keeps 50 curves × 1,000 points cheap to draw.

export type Scale = (v: number) => number | undefined;
type Y = (p: DrawnPoint) => number | null;

const r = (v: number) => Math.round(v * 10) / 10;

export function linePath(points: readonly DrawnPoint[], sx: Scale, y: Y, sy: Scale): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    const v = y(p);
    const px = v === null ? undefined : sx(p.x);
    const py = v === null ? undefined : sy(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${r(px)},${r(py)}`;
    pen = true;
  }
  return d;
}

export function bandPath(points: readonly DrawnPoint[], sx: Scale, sy: Scale): string {
  let d = "";
  let run: Array<[number, number, number]> = [];
  const flush = () => {
    if (run.length > 0) {
      // A lone bucket still gets a visible sliver: one pixel either side.
      const pts = run.length === 1 ? [[run[0][0] - 1, run[0][1], run[0][2]], [run[0][0] + 1, run[0][1], run[0][2]]] : run;
      d += `M${pts.map(([x, , hi]) => `${r(x)},${r(hi)}`).join("L")}L${[...pts].reverse().map(([x, lo]) => `${r(x)},${r(lo)}`).join("L")}Z`;
    }
    run = [];
  };
  for (const p of points) {
    const px = p.band ? sx(p.x) : undefined;
    const lo = p.band ? sy(p.band[0]) : undefined;
    const hi = p.band ? sy(p.band[1]) : undefined;
    if (px === undefined || lo === undefined || hi === undefined || !Number.isFinite(px + lo + hi)) {
      flush();
      continue;
    }
    run.push([px, lo, hi]);
  }
  flush();
  return d;
}
