import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "../db/client";
import { provider } from "../db/sql";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { applyBatch } from "./apply-batch";

// Many ranks start the same execution and log the same dataset at once: on PostgreSQL their
// transactions race to insert the same rows, and on SQLite two server processes on one file race
// for its write lock. Every batch must still succeed, exactly once.
let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const batch = (batchId: string, rank: number) =>
  ingestBatchBody.parse({
    batchId,
    ops: [
      { op: "execution.start", pipeline: "race", stage: "sim", execution: "race-e1" },
      { op: "artifact", execution: "race-e1", direction: "output", type: "dataset", name: "race-data", hash: "sha256:race" },
      { op: "series", execution: "race-e1", key: "loss", rank, steps: [0, 1, 2], values: [3, 2, 1] },
    ],
  });

describe("concurrent batches", () => {
  it("applies racing batches that create the same rows, each exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, rank) => applyBatch(db, batch(`race-${rank}`, rank), "t")));
    expect(results.every((r) => r.applied === 3)).toBe(true);
    expect(await db.execution.count({ where: { uuid: "race-e1" } })).toBe(1);
    expect(await db.artifact.count({ where: { hash: "sha256:race" } })).toBe(1);
    expect(await db.series.count({ where: { key: "loss" } })).toBe(12);
    expect(await db.ingestBatch.count({ where: { batchId: { startsWith: "race-" } } })).toBe(12);
  });

  // Two SQLite connections in one process would block each other's thread in the busy wait; two
  // server processes on one SQLite file are tested end to end (e2e/api/scale-out.spec.ts).
  it.runIf(provider() === "postgresql")("applies racing batches from two connections, as two server processes would", async () => {
    const second = createClient(t.file);
    try {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => applyBatch(i % 2 ? db : second, batch(`race2-${i}`, 100 + i), "t")));
      expect(results.every((r) => r.applied === 3)).toBe(true);
      expect(await db.execution.count({ where: { uuid: "race-e1" } })).toBe(1);
      expect(await db.series.count({ where: { key: "loss", rank: { gte: 100 } } })).toBe(12);
    } finally {
      await second.$disconnect();
    }
  });

  it("answers concurrent retries of one batch with the first response, writing once", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => applyBatch(db, batch("race-retry", 99), "t")));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const series = await db.series.findFirstOrThrow({ where: { key: "loss", rank: 99 }, select: { count: true } });
    expect(series.count).toBe(3);
  });
});
