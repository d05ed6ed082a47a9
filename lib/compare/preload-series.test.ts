import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpackSeries } from "../../components/charts/series-wire-decode";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { readSeries } from "../metrics/read-series";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { preloadSeries, seriesRefKey } from "./preload-series";

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  const steps = Array.from({ length: 3000 }, (_, i) => i);
  await applyBatch(
    db,
    ingestBatchBody.parse({
      batchId: "ps-1",
      ops: [
        { op: "execution.start", pipeline: "ps", stage: "train", execution: "ps-a" },
        { op: "series", execution: "ps-a", key: "loss", steps, values: steps.map((s) => (s === 1500 ? "NaN" : s === 2999 ? "-Infinity" : s === 777 ? 1e6 : 1 / (s + 1))), times: steps.map((s) => 1e12 + s) },
        { op: "series", execution: "ps-a", key: "short", steps: [0, 1, 2], values: [1, "Infinity", 3] },
        { op: "series", execution: "ps-a", key: "huge", steps: [0, 3_000_000_000, 3_000_000_007, 9_007_199_254_740_000], values: [1, 2, 3, 4] },
        { op: "series", execution: "ps-a", key: "gaps", steps: [0, 5, 6, 100, 7000], values: [1, 2, 3, 4, 5], times: [1e12, 1e12 + 5, 1e12 + 9, 4e12, 4e12 + 1] },
        // Losses logged from float32 tensors: every value is a float32 exactly.
        { op: "series", execution: "ps-a", key: "f32", steps, values: steps.map((s) => (s === 10 ? "NaN" : Math.fround(0.3 + 1 / (s + 1)))), times: steps.map((s) => 1e12 + 7 * s + (s % 5)) },
      ],
    }),
    "test",
  );
});
afterAll(() => t.close());

describe("preloadSeries", () => {
  it("packs series so the browser unpacks exactly what GET /api/v1/series returns", async () => {
    const refs = ["loss", "short", "huge", "gaps", "f32"].map((key) => ({ execution: "ps-a", key, rank: 0 }));
    const packed = await preloadSeries(db, refs);
    for (const ref of refs) {
      const api = JSON.parse(JSON.stringify(await readSeries(db, { ...ref, buckets: 1000 })));
      expect(unpackSeries(packed[seriesRefKey(ref)])).toEqual(api);
    }
    const loss = unpackSeries(packed[seriesRefKey(refs[0])]);
    expect(loss.buckets).toHaveLength(1000);
    expect(Math.max(...loss.buckets.map((b) => b.max ?? 0))).toBe(1e6);
    expect(loss.buckets.at(-1)?.last).toBe("-Infinity");
    // Each column in its cheapest exact form: a gapless series' bucket bounds cost nothing.
    const kinds = (i: number) => Object.fromEntries(packed[seriesRefKey(refs[i])].columns.map((e, j) => [["step", "end", "lastStep", "count", "nonFinite", "min", "max", "last", "time"][j], e.k]));
    expect(kinds(0)).toEqual({ step: "affine", end: "affine", lastStep: "affine", count: "affine", nonFinite: "i32", min: "f64", max: "f64", last: "f64", time: "affine" });
    expect(kinds(2)).toMatchObject({ step: "f64", time: "affine" }); // steps past 2^31
    expect(kinds(3)).toMatchObject({ step: "i32", time: "f64" }); // gaps; times too far apart for Int32 offsets
    expect(kinds(4)).toMatchObject({ min: "f32", max: "f32", last: "f32", time: "t32" }); // exact, half the bytes
    // Float64 columns stay 8-byte aligned in the data (they come first).
    expect(packed[seriesRefKey(refs[0])].data.length).toBe(Math.ceil(((3 * 8 + 4) * 1000) / 3) * 4);
  });

  it("stops at the budget and skips series that are gone", async () => {
    const packed = await preloadSeries(db, [{ execution: "ps-a", key: "gone", rank: 0 }, { execution: "ps-a", key: "short", rank: 0 }, { execution: "ps-a", key: "loss", rank: 0 }], 2);
    expect(Object.keys(packed)).toEqual([seriesRefKey({ execution: "ps-a", key: "short", rank: 0 })]);
  });
});
