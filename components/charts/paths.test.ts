import { describe, expect, it } from "vitest";
import type { DrawnPoint } from "./chart-model";
import { bandPath, linePath } from "./paths";

const pt = (x: number, y: number | null, band: [number, number] | null = y === null ? null : [y, y]): DrawnPoint => ({
  x, step: x, end: x, lastStep: x, time: null, lo: band?.[0] ?? null, hi: band?.[1] ?? null, y, raw: y ?? "NaN",
  count: 1, nonFinite: y === null ? 1 : 0, s: y, band, yAxis: y, sAxis: y,
});
const sx = (v: number) => v * 10;
const sy = (v: number) => 100 - v;

describe("svg paths", () => {
  it("draws a polyline and breaks it at missing values", () => {
    const pts = [pt(0, 1), pt(1, 2), pt(2, null), pt(3, 4), pt(4, 5)];
    expect(linePath(pts, sx, (p) => p.yAxis, sy)).toBe("M0,99L10,98M30,96L40,95");
  });

  it("skips points the scale cannot place", () => {
    expect(linePath([pt(0, 1), pt(1, 2)], (v) => (v === 0 ? undefined : v), (p) => p.yAxis, sy)).toBe("M1,98");
  });

  it("draws the band as closed polygons over runs of buckets", () => {
    const pts = [pt(0, 1, [0, 2]), pt(1, 1, [1, 50]), pt(2, null), pt(3, 1, [1, 3])];
    expect(bandPath(pts, sx, sy)).toBe("M0,98L10,50L10,99L0,100ZM29,97L31,97L31,99L29,99Z");
  });
});
