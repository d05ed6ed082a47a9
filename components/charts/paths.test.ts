import { describe, expect, it } from "vitest";
import { bandPath, linearMap, linePath, logMap } from "./paths";

const col = (...v: number[]) => Float64Array.from(v);
// 10 px per x unit; y = 100 − v (in pixels). Paths are in tenths of a pixel.
const sx = linearMap([0, 10], [0, 100]);
const sy = linearMap([0, 100], [100, 0]);

describe("svg paths", () => {
  it("draws a polyline in relative tenths of a pixel and breaks it at missing values", () => {
    const x = col(0, 1, 2, 3, 4);
    expect(linePath(x, col(1, 2, NaN, 4, 5), 5, sx, sy)).toBe("M0,990l100,-10M300,960l100,-10");
  });

  it("rounds positions before taking differences, so long paths do not drift", () => {
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => i * 0.0123);
    const y = Float64Array.from({ length: n }, (_, i) => 50 + 10 * Math.sin(i));
    let [px, py] = [0, 0];
    for (const [, cmd, a, b] of linePath(x, y, n, sx, sy).matchAll(/([Ml])(-?\d+),(-?\d+)/g)) {
      [px, py] = cmd === "M" ? [+a, +b] : [px + +a, py + +b];
    }
    expect(px).toBe(Math.round(sx(x[n - 1]) * 10));
    expect(py).toBe(Math.round(sy(y[n - 1]) * 10));
  });

  it("skips points the axes cannot place", () => {
    const log = logMap([0.1, 100], [100, 0]);
    expect(linePath(col(0, 1, 2), col(-1, 0, 10), 3, sx, log)).toBe("M200,333");
  });

  it("draws the band as closed polygons over runs of buckets, a lone bucket as a sliver", () => {
    const x = col(0, 1, 2, 3);
    expect(bandPath(x, col(0, 1, NaN, 1), col(2, 50, NaN, 3), 4, sx, sy)).toBe("M0,980l100,-480l0,490l-100,10ZM290,970h20v20h-20Z");
  });

  it("starts a band at the axis floor on a log axis, and drops one wholly at or below zero", () => {
    const log = logMap([0.1, 100], [100, 0]);
    const floorPx = Math.round(log(0.1) * 10);
    expect(bandPath(col(0, 1), col(-1, -5), col(10, -1), 2, sx, log, 0.1)).toBe(`M-10,333h20v${floorPx - 333}h-20Z`);
  });
});
