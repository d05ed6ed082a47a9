import { describe, expect, it } from "vitest";
import { mergeBuckets, nearestIndex, nonFiniteMarkers, pointAt, stepWindow, toCurvePoints, xExtent, yDomain, type WireBucket, type XMode } from "./chart-data";
import { colorAt } from "./colors";
import { bucketsOf, columnsFromBuckets, mergeColumns } from "./series-columns";

const toChartPoints = (buckets: WireBucket[], mode: XMode, t0: number | null) => toCurvePoints(columnsFromBuckets(buckets), mode, t0);

const point = (step: number, value: number | "NaN" | "Infinity" | "-Infinity", time = 1_000_000 + step * 10): WireBucket => {
  const finite = typeof value === "number";
  return { step, end: step, min: finite ? value : null, max: finite ? value : null, last: value, lastStep: step, time, count: 1, nonFinite: finite ? 0 : 1 };
};

describe("bucket merging", () => {
  it("leaves series within the budget alone", () => {
    const b = [point(0, 1), point(1, 2)];
    expect(mergeBuckets(b, 10)).toEqual(b);
  });

  it("caps a series at the point budget and keeps a one-point spike", () => {
    const buckets = Array.from({ length: 5000 }, (_, i) => point(i, i === 3217 ? 1e6 : 0.5));
    const merged = mergeBuckets(buckets, 1000);
    expect(merged).toHaveLength(1000);
    const spike = merged.find((b) => b.step <= 3217 && b.end >= 3217)!;
    expect(spike).toMatchObject({ max: 1e6, min: 0.5, count: 5 });
    expect(Math.max(...merged.map((b) => b.max ?? -Infinity))).toBe(1e6);
    expect(merged.reduce((n, b) => n + b.count, 0)).toBe(5000);
  });

  it("merges ranges, counts and the last point of each run", () => {
    const merged = mergeBuckets([point(0, 3), point(1, "NaN"), point(2, 1), point(3, 5), point(4, "Infinity")], 2);
    expect(merged).toEqual([
      { step: 0, end: 2, min: 1, max: 3, last: 1, lastStep: 2, time: 1_000_020, count: 3, nonFinite: 1 },
      { step: 3, end: 4, min: 5, max: 5, last: "Infinity", lastStep: 4, time: 1_000_040, count: 2, nonFinite: 1 },
    ]);
  });

  it("merges columns exactly like buckets", () => {
    const buckets = [point(0, 3), point(1, "NaN"), point(2, 1), point(3, 5), point(4, "Infinity"), point(5, -2), point(6, "-Infinity")];
    for (const max of [1, 2, 3, 7]) expect(bucketsOf(mergeColumns(columnsFromBuckets(buckets), max))).toEqual(mergeBuckets(buckets, max));
  });

  it("never hands the chart more than 1,000 points", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => point(i, Math.sin(i)));
    expect(toChartPoints(many, "step", null).n).toBeLessThanOrEqual(1000);
  });
});

describe("chart points", () => {
  const buckets = [point(10, 0.5), point(20, "NaN"), point(30, 0.25)];

  it("places points by step, wall time or time since the start", () => {
    expect([...toChartPoints(buckets, "step", null).x]).toEqual([10, 20, 30]);
    expect([...toChartPoints(buckets, "wall", null).x]).toEqual([1_000_100, 1_000_200, 1_000_300]);
    expect([...toChartPoints(buckets, "relative", 1_000_000).x]).toEqual([0.1, 0.2, 0.3]);
  });

  it("leaves points without a time off a time axis", () => {
    const untimed = [point(10, 0.5), { ...point(20, 0.7), time: null }, point(30, 0.25)];
    const p = toChartPoints(untimed, "wall", null);
    expect([...p.x]).toEqual([1_000_100, 1_000_300]);
    expect([...p.step]).toEqual([10, 30]);
    expect(toChartPoints(untimed, "step", null).n).toBe(3);
  });

  it("draws no line through non-finite values and marks them instead", () => {
    const pts = toChartPoints(buckets, "step", null);
    expect([0, 1, 2].map((i) => pointAt(pts, i).y)).toEqual([0.5, null, 0.25]);
    expect(pointAt(pts, 1)).toMatchObject({ raw: "NaN", lo: null, hi: null, time: 1_000_200 });
    expect(nonFiniteMarkers(pts)).toEqual([{ x: 20, kind: "NaN", count: 1, step: 20, end: 20 }]);
  });

  it("marks a bucket that hides non-finite values behind a finite last value as mixed", () => {
    const b: WireBucket = { step: 0, end: 99, min: 0.1, max: 0.9, last: 0.3, lastStep: 99, time: 5, count: 100, nonFinite: 2 };
    const inf = { ...b, step: 100, end: 199, lastStep: 199, last: "-Infinity" as const };
    expect(nonFiniteMarkers(toChartPoints([b, inf], "step", null)).map((m) => [m.kind, m.count])).toEqual([["mixed", 2], ["-Infinity", 2]]);
  });

  it("finds the nearest point to the pointer", () => {
    const xs = toChartPoints(buckets, "step", null).x;
    expect(nearestIndex(xs, 0)).toBe(0);
    expect(nearestIndex(xs, 14)).toBe(0);
    expect(nearestIndex(xs, 16)).toBe(1);
    expect(nearestIndex(xs, 99)).toBe(2);
    expect(nearestIndex(new Float64Array(0), 1)).toBe(-1);
  });

  it("computes the y range of the visible window, spikes included", () => {
    const pts = toChartPoints([point(0, 1), point(1, 2), point(2, 50), point(3, 3)], "step", null);
    const [lo, hi] = yDomain([pts], [0, 3], false);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(50);
    const [, hiZoomed] = yDomain([pts], [0, 1.5], false);
    expect(hiZoomed).toBeLessThan(3);
  });

  it("keeps only positive values on a log axis", () => {
    const pts = toChartPoints([point(0, -1), point(1, 0), point(2, 0.01), point(3, 10)], "step", null);
    const [lo, hi] = yDomain([pts], [0, 3], true);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(0.01);
    expect(hi).toBeGreaterThan(10);
  });

  it("spans the union of the curves' x ranges", () => {
    expect(xExtent([toChartPoints([point(5, 1), point(9, 1)], "step", null), toChartPoints([point(2, 1)], "step", null)])).toEqual([2, 9]);
    expect(xExtent([toChartPoints([], "step", null)])).toBeNull();
    // A bucket's point sits at its last step; the axis still starts at its first.
    const wide: WireBucket = { step: 0, end: 19, min: 1, max: 2, last: 1, lastStep: 19, time: 5, count: 20, nonFinite: 0 };
    expect(xExtent([toChartPoints([wide, { ...wide, step: 20, end: 39, lastStep: 39 }], "step", null)])).toEqual([0, 39]);
  });

  it("turns a time window into the step window to query", () => {
    const pts = toChartPoints(Array.from({ length: 10 }, (_, i) => point(i * 100, 1, 1000 + i * 1000)), "wall", null);
    // Points at times 1000, 2000, …: 3000 (step 200) is the first inside, 5000 (step 400) the first past the end.
    expect(stepWindow(pts, 2500, 4500)).toEqual({ from: 200, to: 400 });
    expect(stepWindow(pts, 99_999, 100_000)).toBeNull();
  });
});

describe("colours", () => {
  it("gives 50 curves 50 different colours, the same on every call", () => {
    const colours = Array.from({ length: 50 }, (_, i) => colorAt(i));
    expect(new Set(colours).size).toBe(50);
    expect(colorAt(17)).toBe(colours[17]);
  });
});
