import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteDriver, type Db } from "../db/client";
import { provider } from "../db/sql";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { appendSeries, type SeriesAppend } from "./append-series";

let t: ReturnType<typeof createTestDb>;
let db: Db;
let executionId: number;
beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  await applyBatch(db, ingestBatchBody.parse({ batchId: "as-0", ops: [{ op: "execution.start", pipeline: "as", stage: "s", execution: "as-e1" }] }), "t");
  executionId = (await db.execution.findUniqueOrThrow({ where: { uuid: "as-e1" }, select: { id: true } })).id;
});
afterAll(async () => {
  await t.close();
});

const input = (key: string, from: number): SeriesAppend => {
  const steps = Array.from({ length: 2500 }, (_, i) => from + i);
  return { executionId, key, rank: 0, steps, values: steps.map((s) => (s % 1000 === 999 ? "NaN" : Math.sin(s))), times: steps.map((s) => 1e12 + s) };
};
const chunkRows = (key: string) =>
  db.seriesChunk.findMany({
    where: { series: { key } },
    select: { firstStep: true, lastStep: true, count: true, minValue: true, maxValue: true, lastValue: true, nonFinite: true, steps: true, values: true, times: true },
    orderBy: { id: "asc" },
  });

// The driver fast path exists on SQLite only; on PostgreSQL every write goes through Prisma.
describe.runIf(provider() === "sqlite")("appendSeries through the SQLite driver", () => {
  it("writes the same chunks through the driver as through Prisma, and extends the series", async () => {
    await db.$transaction((tx) => appendSeries(tx, input("via-prisma", 0), { now: 5 }));
    await db.$transaction((tx) => appendSeries(tx, input("via-driver", 0), { now: 5, driver: sqliteDriver(db) }));
    await db.$transaction((tx) => appendSeries(tx, input("via-driver", 10_000), { driver: sqliteDriver(db) }));
    const [prisma, driver] = [await chunkRows("via-prisma"), await chunkRows("via-driver")];
    expect(prisma).toHaveLength(3);
    expect(driver.slice(0, 3)).toEqual(prisma);
    expect(driver).toHaveLength(6);
    expect(await db.series.findFirst({ where: { key: "via-driver" }, select: { count: true, minStep: true, maxStep: true } })).toEqual({
      count: 5000,
      minStep: 0,
      maxStep: 12_499,
    });
  });

  it("rolls the driver's rows back with the transaction", async () => {
    const before = await db.seriesChunk.count();
    await expect(
      db.$transaction(async (tx) => {
        await appendSeries(tx, input("rolled-back", 0), { driver: sqliteDriver(db) });
        throw new Error("a later op failed");
      }),
    ).rejects.toThrow("a later op failed");
    expect(await db.seriesChunk.count()).toBe(before);
    expect(await db.series.findFirst({ where: { key: "rolled-back" } })).toBeNull();
  });
});
