import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { PrismaClient } from "../db/generated/sqlite/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { appendSeries, type SeriesAppend } from "./append-series";

// A client on the test file that remembers the better-sqlite3 connection its adapter opens, the
// way the server would hand it to appendSeries.
function clientWithDriver(file: string): { db: Db; driver: () => BetterSqlite3.Database } {
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 30_000 });
  let driver: BetterSqlite3.Database | undefined;
  const adapter = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const a = await factory.connect();
      driver = (a as unknown as { client: BetterSqlite3.Database }).client;
      return a;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  return { db: new PrismaClient({ adapter: adapter as unknown as PrismaBetterSQLite3 }), driver: () => driver! };
}

let t: ReturnType<typeof createTestDb>;
let c: ReturnType<typeof clientWithDriver>;
let executionId: number;
beforeAll(async () => {
  t = createTestDb();
  c = clientWithDriver(t.file);
  await applyBatch(c.db, ingestBatchBody.parse({ batchId: "as-0", ops: [{ op: "execution.start", pipeline: "as", stage: "s", execution: "as-e1" }] }), "t");
  executionId = (await c.db.execution.findUniqueOrThrow({ where: { uuid: "as-e1" }, select: { id: true } })).id;
});
afterAll(async () => {
  await c.db.$disconnect();
  await t.close();
});

const input = (key: string, from: number): SeriesAppend => {
  const steps = Array.from({ length: 2500 }, (_, i) => from + i);
  return { executionId, key, rank: 0, steps, values: steps.map((s) => (s % 1000 === 999 ? "NaN" : Math.sin(s))), times: steps.map((s) => 1e12 + s) };
};
const chunkRows = (key: string) =>
  c.db.seriesChunk.findMany({
    where: { series: { key } },
    select: { firstStep: true, lastStep: true, count: true, minValue: true, maxValue: true, lastValue: true, nonFinite: true, steps: true, values: true, times: true },
    orderBy: { id: "asc" },
  });

describe("appendSeries", () => {
  it("writes the same chunks through the driver as through Prisma, and extends the series", async () => {
    await c.db.$transaction((tx) => appendSeries(tx, input("via-prisma", 0), { now: 5 }));
    await c.db.$transaction((tx) => appendSeries(tx, input("via-driver", 0), { now: 5, driver: c.driver() }));
    await c.db.$transaction((tx) => appendSeries(tx, input("via-driver", 10_000), { driver: c.driver() }));
    const [prisma, driver] = [await chunkRows("via-prisma"), await chunkRows("via-driver")];
    expect(prisma).toHaveLength(3);
    expect(driver.slice(0, 3)).toEqual(prisma);
    expect(driver).toHaveLength(6);
    expect(await c.db.series.findFirst({ where: { key: "via-driver" }, select: { count: true, minStep: true, maxStep: true } })).toEqual({
      count: 5000,
      minStep: 0,
      maxStep: 12_499,
    });
  });

  it("rolls the driver's rows back with the transaction", async () => {
    const before = await c.db.seriesChunk.count();
    await expect(
      c.db.$transaction(async (tx) => {
        await appendSeries(tx, input("rolled-back", 0), { driver: c.driver() });
        throw new Error("a later op failed");
      }),
    ).rejects.toThrow("a later op failed");
    expect(await c.db.seriesChunk.count()).toBe(before);
    expect(await c.db.series.findFirst({ where: { key: "rolled-back" } })).toBeNull();
  });
});
