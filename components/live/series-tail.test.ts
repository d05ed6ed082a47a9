import { describe, expect, it } from "vitest";
import type { SeriesResponse } from "@/components/api/hooks/use-series";
import { appendTail, tailFrom } from "./series-tail";

const bucket = (step: number, v: number) => ({ step, end: step, min: v, max: v, last: v, lastStep: step, time: step * 1000, count: 1, nonFinite: 0 });
const series = (steps: number[], extra: Partial<SeriesResponse> = {}): SeriesResponse => ({
  execution: "e", key: "loss", rank: 0, from: steps[0] ?? null, to: steps[steps.length - 1] ?? null,
  count: steps.length, fullResolution: true, bucketWidth: 1, buckets: steps.map((s) => bucket(s, s / 10)), ...extra,
});

describe("series tail", () => {
  it("asks for the steps after the last one shown", () => {
    expect(tailFrom(series([1, 2, 3]))).toBe(4);
    expect(tailFrom(series([]))).toBeUndefined();
  });

  it("appends new steps, extends the window and the count", () => {
    const grown = appendTail(series([1, 2, 3]), series([4, 5]));
    expect(grown.buckets.map((b) => b.lastStep)).toEqual([1, 2, 3, 4, 5]);
    expect(grown).toMatchObject({ from: 1, to: 5, count: 5, fullResolution: true });
  });

  it("ignores steps it already has and replaces an empty series", () => {
    const current = series([1, 2, 3]);
    expect(appendTail(current, series([2, 3]))).toBe(current);
    expect(appendTail(series([]), series([7]))).toEqual(series([7]));
  });

  it("keeps memory bounded by merging adjacent buckets, without losing a spike", () => {
    const steps = Array.from({ length: 30 }, (_, i) => i);
    const tail = series([30, 31, 32, 33, 34, 35]);
    tail.buckets[2] = { ...bucket(32, 99), min: -5 };
    const grown = appendTail(series(steps), tail, 20);
    expect(grown.buckets.length).toBeLessThanOrEqual(10);
    expect(grown.count).toBe(36);
    expect(grown.fullResolution).toBe(false);
    expect(Math.max(...grown.buckets.map((b) => b.max ?? 0))).toBe(99);
    expect(Math.min(...grown.buckets.map((b) => b.min ?? 0))).toBe(-5);
    expect(grown.buckets[grown.buckets.length - 1].lastStep).toBe(35);
  });
});
