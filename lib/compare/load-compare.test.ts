import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { compareQuery } from "../schemas/compare";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { loadCompare } from "./load-compare";

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  await applyBatch(
    db,
    ingestBatchBody.parse({
      batchId: "lc-1",
      ops: [
        { op: "execution.start", pipeline: "lc", stage: "train", execution: "lc-a", params: { lr: 0.1 } },
        { op: "series", execution: "lc-a", key: "loss", steps: [0, 10, 20, 30], values: [4, 3, "NaN", 1] },
        { op: "series", execution: "lc-a", key: "loss", rank: 1, steps: [0, 5], values: [9, 8] },
        { op: "execution.start", pipeline: "lc", stage: "train", execution: "lc-b" },
        { op: "series", execution: "lc-b", key: "loss", steps: [25, 26], values: [0.5, 0.4] },
      ],
    }),
    "test",
  );
});
afterAll(() => t.close());

// The curves stream after the page; each test waits for them before the database closes.
async function load(q: Record<string, string>) {
  const r = await loadCompare(db, compareQuery.parse(q));
  await r.series;
  return r;
}

describe("loadCompare", () => {
  it("keeps the order asked for and reports unknown executions separately", async () => {
    const r = await load({ executions: "lc-b,nope,lc-a,lc-b" });
    expect(r.executions.map((e) => e.uuid)).toEqual(["lc-b", "lc-a"]);
    expect(r.missing).toEqual(["nope"]);
    expect(r.atStep).toBeNull();
  });

  it("reads each series' value at a step: the last point at or before it", async () => {
    const r = await load({ executions: "lc-a,lc-b", step: "25" });
    expect(r.atStep).toEqual({
      "lc-a": { loss: { value: "NaN", step: 20 } },
      "lc-b": { loss: { value: 0.5, step: 25 } },
    });
    const early = await load({ executions: "lc-a,lc-b", step: "10" });
    expect(early.atStep).toEqual({ "lc-a": { loss: { value: 3, step: 10 } }, "lc-b": { loss: null } });
  });

  it("reads the rank asked for", async () => {
    const r = await load({ executions: "lc-a", step: "7", rank: "1" });
    expect(r.atStep).toEqual({ "lc-a": { loss: { value: 8, step: 5 } } });
  });

  it("hands over the curves at the rank asked for as a promise, read after the page", async () => {
    const r = await loadCompare(db, compareQuery.parse({ executions: "lc-a,lc-b,nope" }));
    let settled = false;
    void r.series.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // not read before the page is rendered
    const series = await r.series;
    expect(Object.keys(series).map((k) => k.split("\u0000"))).toEqual([["lc-a", "loss", "0"], ["lc-b", "loss", "0"]]);
    expect(series[Object.keys(series)[0]]).toMatchObject({ execution: "lc-a", key: "loss", rank: 0, count: 4, buckets: 4 });
    const ranked = await (await loadCompare(db, compareQuery.parse({ executions: "lc-a,lc-b", rank: "1" }))).series;
    expect(Object.values(ranked).map((s) => [s.execution, s.rank, s.count])).toEqual([["lc-a", 1, 2]]);
  });

  it("rejects bad addresses with the field at fault", () => {
    expect(compareQuery.safeParse({ executions: "a,b", step: "-1" }).error?.issues[0].path).toEqual(["step"]);
    expect(compareQuery.safeParse({ executions: Array.from({ length: 51 }, (_, i) => `e${i}`).join(",") }).success).toBe(false);
    expect(compareQuery.parse({ executions: " a , b ,,a" }).executions).toEqual(["a", "b"]);
    expect(compareQuery.parse({}).executions).toEqual([]);
  });
});
