import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../testing/test-db";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { applyBatch } from "./apply-batch";
import type { Db } from "../db/client";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const apply = (b: IngestBatchInput) => applyBatch(db, ingestBatchBody.parse(b), "test");

describe("applyBatch", () => {
  it("writes nothing when a later op fails (all or nothing)", async () => {
    const before = await db.execution.count();
    await expect(
      apply({
        batchId: "atomic-1",
        ops: [
          { op: "execution.start", pipeline: "atomic", stage: "s", execution: "atomic-e1" },
          { op: "metrics", execution: "atomic-missing", values: { x: 1 } },
        ],
      }),
    ).rejects.toMatchObject({ status: 422, path: "ops.1.execution" });
    expect(await db.execution.count()).toBe(before);
    expect(await db.pipeline.findUnique({ where: { name: "atomic" } })).toBeNull();
    expect(await db.ingestBatch.findUnique({ where: { batchId: "atomic-1" } })).toBeNull();
  });

  it("returns the first response for a repeated batch id and writes nothing", async () => {
    const batch = {
      batchId: "retry-1",
      ops: [
        { op: "execution.start" as const, pipeline: "retry", stage: "s", execution: "retry-e1" },
        { op: "series" as const, execution: "retry-e1", key: "loss", steps: [1, 2, 3], values: [3, 2, 1] },
      ],
    };
    const first = await apply(batch);
    const second = await apply(batch);
    expect(second).toEqual(first);
    const series = await db.series.findFirstOrThrow({ where: { key: "loss", execution: { uuid: "retry-e1" } } });
    expect(series.count).toBe(3);
  });

  it("links two executions through one artifact with the same hash", async () => {
    await apply({
      batchId: "dedup-1",
      ops: [
        { op: "execution.start", pipeline: "dedup", stage: "produce", execution: "dedup-a" },
        { op: "artifact", execution: "dedup-a", direction: "output", type: "dataset", name: "d", hash: "sha256:aa" },
        { op: "execution.start", pipeline: "dedup", stage: "consume", execution: "dedup-b" },
        { op: "artifact", execution: "dedup-b", direction: "input", type: "dataset", name: "d", hash: "sha256:aa" },
      ],
    });
    const artifacts = await db.artifact.findMany({ where: { name: "d", hash: "sha256:aa" }, include: { events: true } });
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0].events.map((e) => e.direction).sort()).toEqual(["INPUT", "OUTPUT"]);
  });
});

describe("execution hierarchy", () => {
  it("links a child execution to the parent that launched it", async () => {
    await apply({
      batchId: "parent-1",
      ops: [
        { op: "execution.start", pipeline: "tree", stage: "driver", execution: "tree-driver" },
        { op: "execution.start", pipeline: "tree", stage: "train", execution: "tree-child", parent: "tree-driver" },
      ],
    });
    const child = await db.execution.findUniqueOrThrow({ where: { uuid: "tree-child" }, select: { parent: { select: { uuid: true } } } });
    expect(child.parent?.uuid).toBe("tree-driver");
  });

  it("rejects an unknown parent with its path", async () => {
    await expect(
      apply({ batchId: "parent-2", ops: [{ op: "execution.start", pipeline: "tree", stage: "s", execution: "orphan", parent: "nope" }] }),
    ).rejects.toMatchObject({ status: 422, path: "ops.0.parent" });
  });
});
