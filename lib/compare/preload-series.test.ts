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
        { op: "series", execution: "ps-a", key: "huge", steps: [0, 3_000_000_000, 9_007_199_254_740_000], values: [1, 2, 3] },
      ],
    }),
    "test",
  );
});
afterAll(() => t.close());

describe("preloadSeries", () => {
  it("packs series so the browser unpacks exactly what GET /api/v1/series returns", async () => {
    const refs = [{ execution: "ps-a", key: "loss", rank: 0 }, { execution: "ps-a", key: "short", rank: 0 }, { execution: "ps-a", key: "huge", rank: 0 }];
    const packed = await preloadSeries(db, refs);
    for (const ref of refs) {
      const api = JSON.parse(JSON.stringify(await readSeries(db, { ...ref, buckets: 1000 })));
      expect(unpackSeries(packed[seriesRefKey(ref)])).toEqual(api);
    }
    const loss = unpackSeries(packed[seriesRefKey(refs[0])]);
    expect(loss.buckets).toHaveLength(1000);
    expect(Math.max(...loss.buckets.map((b) => b.max ?? 0))).toBe(1e6);
    expect(loss.buckets.at(-1)?.last).toBe("-Infinity");
    // Steps past 2^31 do not fit Int32: that series keeps Float64 columns.
    expect(packed[seriesRefKey(refs[0])].int32).toBe(true);
    expect(packed[seriesRefKey(refs[2])].int32).toBe(false);
  });

  it("stops at the budget and skips series that are gone", async () => {
    const packed = await preloadSeries(db, [{ execution: "ps-a", key: "gone", rank: 0 }, { execution: "ps-a", key: "short", rank: 0 }, { execution: "ps-a", key: "loss", rank: 0 }], 2);
    expect(Object.keys(packed)).toEqual([seriesRefKey({ execution: "ps-a", key: "short", rank: 0 })]);
  });
});
