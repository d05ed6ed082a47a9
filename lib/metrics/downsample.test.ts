import { describe, expect, it } from "vitest";
import { encodeChunks, formatValue, fromBytes, type Points } from "./chunk-codec";
import { bucketLayout, completeBuckets, downsample, gapless, planDownsample, type Bucket, type ChunkMeta, type Layout } from "./downsample";

// A series as storage holds it: the appends' chunks in storage order, with their decoded points.
type Stored = { chunks: ChunkMeta[]; points: Map<number, Points> };

function store(appends: Array<{ steps: number[]; values: number[]; times?: number[] }>, size = 1024): Stored {
  const chunks: ChunkMeta[] = [];
  const points = new Map<number, Points>();
  for (const a of appends) {
    const times = a.times ?? a.steps.map((s) => 1_700_000_000_000 + s);
    for (const c of encodeChunks({ steps: Float64Array.from(a.steps), values: Float64Array.from(a.values), times: Float64Array.from(times) }, size)) {
      const id = chunks.length + 1;
      const { steps, values, times: t, ...summary } = c;
      chunks.push({ id, ...summary });
      points.set(id, { steps: fromBytes(steps), values: fromBytes(values), times: fromBytes(t) });
    }
  }
  return { chunks, points };
}

// Runs the downsampler the way read-series does: decodes only what the plan asks for (like the
// readers, without times and without the steps of gapless chunks, unless `withTimes`), then
// fetches the single points still pending.
function run(s: Stored, from: number, to: number, buckets: number, withTimes = false) {
  const layout = bucketLayout(from, to, buckets);
  if (!layout) return { result: { count: 0, fullResolution: true, width: 1, buckets: [] as Bucket[] }, decoded: 0, fetched: 0 };
  const decode = new Map(planDownsample(s.chunks, layout).map((c) => [c.id, c]));
  const result = downsample(s.chunks, layout, (id) => {
    const c = decode.get(id);
    if (!c) return undefined;
    const p = s.points.get(id)!;
    return withTimes ? p : gapless(c) ? { values: p.values } : { steps: p.steps, values: p.values };
  });
  const fetched = result.pending.length;
  completeBuckets(result, ({ id, index }) => {
    const p = s.points.get(id)!;
    return { value: p.values[index], time: p.times[index] };
  });
  return { result: { ...result, pending: [] }, decoded: decode.size, fetched, layout };
}

// Brute force over every point, in storage order (on equal steps the later point is last).
function reference(s: Stored, l: Layout): { count: number; buckets: Bucket[] } {
  const all: Array<{ step: number; value: number; time: number }> = [];
  for (const c of s.chunks) {
    const p = s.points.get(c.id)!;
    p.steps.forEach((step, i) => {
      if (step >= l.from && step <= l.to) all.push({ step, value: p.values[i], time: p.times[i] });
    });
  }
  if (all.length <= l.buckets) {
    const sorted = all.map((p, i) => ({ ...p, i })).sort((a, b) => a.step - b.step || a.i - b.i);
    return {
      count: all.length,
      buckets: sorted.map((p) => {
        const f = Number.isFinite(p.value);
        return { step: p.step, end: p.step, min: f ? p.value : null, max: f ? p.value : null, last: formatValue(p.value), lastStep: p.step, time: p.time, count: 1, nonFinite: f ? 0 : 1 };
      }),
    };
  }
  const byBucket = new Map<number, typeof all>();
  for (const p of all) {
    const b = Math.floor((p.step - l.from) / l.width);
    byBucket.set(b, [...(byBucket.get(b) ?? []), p]);
  }
  const buckets = [...byBucket.entries()].sort((a, b) => a[0] - b[0]).map(([b, ps]) => {
    const finite = ps.map((p) => p.value).filter(Number.isFinite);
    let last = ps[0];
    for (const p of ps) if (p.step >= last.step) last = p;
    const step = l.from + b * l.width;
    return {
      step, end: Math.min(l.to, step + l.width - 1),
      min: finite.length ? Math.min(...finite) : null, max: finite.length ? Math.max(...finite) : null,
      last: formatValue(last.value), lastStep: last.step, time: last.time, count: ps.length, nonFinite: ps.length - finite.length,
    };
  });
  return { count: all.length, buckets };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const range = (from: number, n: number, by = 1) => Array.from({ length: n }, (_, i) => from + i * by);

describe("downsample", () => {
  it("keeps a single-point spike among 1,000,000 points as a bucket max", () => {
    const steps = range(0, 1_000_000);
    const values = steps.map((s) => 0.5 + 0.1 * Math.sin(s / 1000));
    values[654_321] = 1e6;
    const s = store([{ steps, values }]);
    for (const n of [1000, 100, 7]) {
      const { result } = run(s, 0, 999_999, n);
      expect(result.buckets.length).toBeLessThanOrEqual(n);
      expect(result.count).toBe(1_000_000);
      const spiked = result.buckets.filter((b) => b.max === 1e6);
      expect(spiked).toHaveLength(1);
      expect(spiked[0].step).toBeLessThanOrEqual(654_321);
      expect(spiked[0].end).toBeGreaterThanOrEqual(654_321);
      expect(Math.max(...result.buckets.filter((b) => b !== spiked[0]).map((b) => b.max!))).toBeLessThan(1);
    }
  });

  it("returns at most N buckets whatever the window and N", () => {
    const s = store([{ steps: range(3, 20_000, 3), values: range(0, 20_000) }], 100);
    const r = rng(7);
    for (let k = 0; k < 200; k++) {
      const n = 1 + Math.floor(r() * 500);
      const from = Math.floor(r() * 70_000) - 5_000;
      const to = from + Math.floor(r() * 70_000);
      const { result } = run(s, from, to, n);
      expect(result.buckets.length).toBeLessThanOrEqual(n);
      expect(result.buckets.reduce((a, b) => a + b.count, 0)).toBe(result.count);
    }
  });

  it("merges overlapping chunks, the later one winning a step both hold", () => {
    const s = store([
      { steps: range(0, 1000), values: range(0, 1000).map(() => 1) },
      { steps: range(500, 1000), values: range(0, 1000).map(() => 2) },
    ], 256);
    const { result, layout } = run(s, 0, 1499, 10);
    expect(result.count).toBe(2000);
    expect(result.buckets.map((b) => b.count)).toEqual([150, 150, 150, 250, 300, 300, 250, 150, 150, 150]);
    expect(result.buckets[3]).toMatchObject({ min: 1, max: 2, last: 2, lastStep: 599 });
    expect(result).toMatchObject(reference(s, layout!));
    expect(run(s, 0, 1499, 10, true).result).toMatchObject(reference(s, layout!));
  });

  it("handles NaN and ±Infinity: never a min or max, shown as strings when last", () => {
    const values = [1, NaN, 3, Infinity, 2, -Infinity, NaN, NaN, 5, Infinity];
    const s = store([{ steps: range(1, 10), values }], 2);
    const { result } = run(s, 1, 10, 5);
    expect(result.buckets).toHaveLength(5);
    expect(result.buckets.map((b) => [b.min, b.max, b.last, b.nonFinite])).toEqual([
      [1, 1, "NaN", 1],
      [3, 3, "Infinity", 1],
      [2, 2, "-Infinity", 1],
      [null, null, "NaN", 2],
      [5, 5, "Infinity", 1],
    ]);
    // Full resolution keeps each non-finite point as its own entry.
    const full = run(s, 1, 10, 100).result;
    expect(full.fullResolution).toBe(true);
    expect(full.buckets.map((b) => b.last)).toEqual(values.map(formatValue));
  });

  it("selects a window: only points inside [from, to], buckets starting at from", () => {
    const s = store([{ steps: range(0, 100_000), values: range(0, 100_000) }]);
    const { result } = run(s, 40_000, 49_999, 100);
    expect(result.count).toBe(10_000);
    expect(result.buckets).toHaveLength(100);
    expect(result.buckets[0]).toMatchObject({ step: 40_000, end: 40_099, min: 40_000, max: 40_099, last: 40_099 });
    expect(result.buckets[99]).toMatchObject({ step: 49_900, end: 49_999, max: 49_999 });
    expect(run(s, 200_000, 300_000, 10).result.buckets).toEqual([]);
  });

  it("returns every point of a small window at full resolution", () => {
    const s = store([{ steps: range(0, 100_000, 2), values: range(0, 100_000).map((i) => i / 10) }]);
    const { result, decoded } = run(s, 1000.5, 1100, 1000);
    expect(result.fullResolution).toBe(true);
    expect(result.buckets).toHaveLength(50);
    expect(result.buckets[0]).toEqual({ step: 1002, end: 1002, min: 50.1, max: 50.1, last: 50.1, lastStep: 1002, time: 1_700_000_001_002, count: 1, nonFinite: 0 });
    expect(decoded).toBeLessThanOrEqual(2);
  });

  it("gives the same buckets from summaries as from decoding every point (random data)", () => {
    const r = rng(42);
    let summaryMerges = 0;
    let gaplessChunks = 0;
    for (let k = 0; k < 60; k++) {
      const appends = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const start = Math.floor(r() * 3000);
        const steps: number[] = [];
        // Mostly consecutive steps, so both gapless and gappy chunks occur.
        for (let st = start, i = 0; i < 200 + r() * 3000; i++) steps.push((st += r() < 0.9 ? 1 : 2 + Math.floor(r() * 3)));
        const values = steps.map(() => {
          const u = r();
          return u < 0.03 ? NaN : u < 0.04 ? Infinity : u < 0.05 ? -Infinity : Math.round((r() - 0.5) * 1e4) / 100;
        });
        return { steps, values, times: steps.map(() => Math.floor(r() * 1e12)) };
      });
      const s = store(appends, 8 + Math.floor(r() * 60));
      const from = Math.floor(r() * 4000) - 500;
      const to = from + Math.floor(r() * 12_000);
      const n = 1 + Math.floor(r() * 400);
      const { result, decoded, fetched, layout } = run(s, from, to, n, k % 2 === 0);
      if (!layout) continue;
      const ref = reference(s, layout);
      expect(result.count).toBe(ref.count);
      expect(result.buckets).toEqual(ref.buckets);
      expect(fetched).toBeLessThanOrEqual(result.buckets.length);
      summaryMerges += s.chunks.length - decoded;
      gaplessChunks += s.chunks.filter(gapless).length;
    }
    expect(summaryMerges).toBeGreaterThan(100);
    expect(gaplessChunks).toBeGreaterThan(100);
  });
});
