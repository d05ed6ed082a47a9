import { realpathSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { provider } from "../db/sql";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { seriesQuery } from "../schemas/series";
import { createTestDb } from "../testing/test-db";
import { chunkReader, prismaChunkReader, type ChunkReader } from "./chunk-reader";
import { listSeriesKeys, readSeries } from "./read-series";

let t: ReturnType<typeof createTestDb>;
let db: Db;
const apply = (b: IngestBatchInput) => applyBatch(db, ingestBatchBody.parse(b), "test");
let reader: ChunkReader | undefined;
const read = (q: Record<string, string>) => readSeries(db, seriesQuery.parse({ execution: "rs-e1", key: "loss", ...q }), reader);

// 5,000 points in two appends; every 1024-point chunk of the second ends in NaN, so its last value
// is not in the summary and has to come from the stored blob.
beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  const steps = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const second = steps(2000, 3000).map((s, i) => ((i + 1) % 1024 === 0 || s === 4999 ? "NaN" as const : s / 1000));
  await apply({
    batchId: "rs-1",
    ops: [
      { op: "execution.start", pipeline: "rs", stage: "train", execution: "rs-e1" },
      { op: "series", execution: "rs-e1", key: "loss", steps: steps(0, 2000), values: steps(0, 2000).map((s) => s / 1000), times: steps(0, 2000).map((s) => 1e12 + s) },
      { op: "series", execution: "rs-e1", key: "acc", rank: 1, steps: [1], values: [0.5] },
    ],
  });
  await apply({ batchId: "rs-2", ops: [{ op: "series", execution: "rs-e1", key: "loss", steps: steps(2000, 3000), values: second, times: steps(2000, 3000).map((s) => 1e12 + s) }] });
});
afterAll(() => t.close());

// Every case runs against the driver reader (the default) and the provider-independent one.
describe.each(["driver", "prisma"])("readSeries (%s reader)", (kind) => {
  beforeAll(() => {
    reader = kind === "prisma" ? prismaChunkReader(db) : undefined;
  });

  it("downsamples the whole series by default, reading last values and times from the blobs", async () => {
    const r = await read({ buckets: "5" });
    expect(r).toMatchObject({ execution: "rs-e1", key: "loss", rank: 0, from: 0, to: 4999, count: 5000, fullResolution: false, bucketWidth: 1000 });
    expect(r.buckets.map((b) => [b.step, b.end, b.count, b.min, b.max, b.last, b.time])).toEqual([
      [0, 999, 1000, 0, 0.999, 0.999, 1e12 + 999],
      [1000, 1999, 1000, 1, 1.999, 1.999, 1e12 + 1999],
      [2000, 2999, 1000, 2, 2.999, 2.999, 1e12 + 2999],
      [3000, 3999, 1000, 3, 3.999, 3.999, 1e12 + 3999],
      [4000, 4999, 1000, 4, 4.998, "NaN", 1e12 + 4999],
    ]);
  });

  it("takes a non-finite last value from a chunk merged by its summary alone", async () => {
    // Chunk 3024..4047 (ending in NaN) lies inside the one bucket: merged from its summary.
    const r = await read({ from: "2048", to: "4095", buckets: "1" });
    expect(r.buckets).toEqual([
      { step: 2048, end: 4095, min: 2.048, max: 4.095, last: 4.095, lastStep: 4095, time: 1e12 + 4095, count: 2048, nonFinite: 2 },
    ]);
    const tail = await read({ from: "3024", to: "4047", buckets: "1" });
    expect(tail.buckets[0]).toMatchObject({ last: "NaN", lastStep: 4047, time: 1e12 + 4047, count: 1024, nonFinite: 1 });
  });

  it("returns a small window at full resolution", async () => {
    const r = await read({ from: "1990", to: "2009" });
    expect(r.fullResolution).toBe(true);
    expect(r.buckets.map((b) => b.step)).toEqual(Array.from({ length: 20 }, (_, i) => 1990 + i));
    expect(r.buckets[10]).toEqual({ step: 2000, end: 2000, min: 2, max: 2, last: 2, lastStep: 2000, time: 1e12 + 2000, count: 1, nonFinite: 0 });
  });

  it("answers an empty window outside the data with no buckets", async () => {
    expect(await read({ from: "10000", to: "20000" })).toMatchObject({ count: 0, buckets: [] });
  });

  it("404s with the keys that do exist", async () => {
    await expect(read({ key: "nope" })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("it has: acc (rank 1), loss (rank 0)"),
    });
    await expect(read({ key: "acc" })).rejects.toMatchObject({ status: 404, message: expect.stringContaining("no series 'acc' at rank 0") });
    await expect(read({ execution: "rs-missing" })).rejects.toMatchObject({ status: 404, message: expect.stringContaining("no execution") });
  });

  it("reads this client's own database through the driver", async () => {
    const expected = provider() === "sqlite" ? `sqlite:${realpathSync(t.file)}` : "postgresql";
    expect((await chunkReader(db)).source).toBe(expected);
  });

  it("lists the series keys of an execution", async () => {
    const e = await db.execution.findUniqueOrThrow({ where: { uuid: "rs-e1" }, select: { id: true } });
    expect(await listSeriesKeys(db, e.id)).toEqual([
      { key: "acc", rank: 1, count: 1, minStep: 1, maxStep: 1 },
      { key: "loss", rank: 0, count: 5000, minStep: 0, maxStep: 4999 },
    ]);
  });
});
