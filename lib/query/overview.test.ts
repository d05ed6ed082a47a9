import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../testing/test-db";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import type { Db } from "../db/client";
import { getOverview } from "./overview";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const apply = (b: IngestBatchInput) => applyBatch(db, ingestBatchBody.parse(b), "test");

describe("getOverview", () => {
  it("is empty on an empty database", async () => {
    const o = await getOverview(db);
    expect(o.totals).toEqual({
      pipelines: 0,
      executions: 0,
      artifacts: 0,
      models: 0,
      executionsByStatus: { RUNNING: 0, COMPLETED: 0, FAILED: 0, total: 0 },
    });
    expect(o.pipelines).toEqual([]);
    expect(o.recent).toEqual([]);
  });

  it("counts executions per stage and status, lists recent executions with metrics", async () => {
    await apply({
      batchId: "ov-1",
      ops: [
        { op: "execution.start", pipeline: "old", stage: "only", execution: "ov-old", startedAt: "2026-01-01T00:00:00Z" },
        { op: "execution.start", pipeline: "cl", stage: "simulate", execution: "ov-sim", startedAt: "2026-02-01T00:00:00Z" },
        { op: "artifact", execution: "ov-sim", direction: "output", type: "dataset", name: "d", hash: "sha256:d" },
        { op: "execution.end", execution: "ov-sim", status: "COMPLETED", endedAt: "2026-02-01T00:10:00Z" },
        { op: "execution.start", pipeline: "cl", stage: "train", execution: "ov-t1", name: "train 1", startedAt: "2026-02-01T01:00:00Z" },
        { op: "artifact", execution: "ov-t1", direction: "input", type: "dataset", name: "d", hash: "sha256:d" },
        { op: "metrics", execution: "ov-t1", values: { val_loss: 0.5, test_loss: 0.4, a_nan: "NaN", zz: 1 } },
        { op: "artifact", execution: "ov-t1", direction: "output", type: "model", name: "M", hash: "sha256:m" },
        { op: "model.version", model: "M", hash: "sha256:m", execution: "ov-t1" },
        { op: "execution.end", execution: "ov-t1", status: "FAILED" },
        { op: "execution.start", pipeline: "cl", stage: "train", execution: "ov-t2", startedAt: "2026-02-01T02:00:00Z" },
      ],
    });

    const o = await getOverview(db, { metricsPerExecution: 3 });
    expect(o.totals).toEqual({
      pipelines: 2,
      executions: 4,
      artifacts: 2,
      models: 1,
      executionsByStatus: { RUNNING: 2, COMPLETED: 1, FAILED: 1, total: 4 },
    });

    // Most recently active pipeline first; stages in the order they first appeared.
    expect(o.pipelines.map((p) => p.name)).toEqual(["cl", "old"]);
    const cl = o.pipelines[0];
    expect(cl.lastStartedAt?.toISOString()).toBe("2026-02-01T02:00:00.000Z");
    expect(cl.counts).toEqual({ RUNNING: 1, COMPLETED: 1, FAILED: 1, total: 3 });
    expect(cl.stages).toEqual([
      { name: "simulate", counts: { RUNNING: 0, COMPLETED: 1, FAILED: 0, total: 1 } },
      { name: "train", counts: { RUNNING: 1, COMPLETED: 0, FAILED: 1, total: 2 } },
    ]);

    expect(o.recent.map((e) => e.uuid)).toEqual(["ov-t2", "ov-t1", "ov-sim", "ov-old"]);
    const t1 = o.recent[1];
    expect(t1).toMatchObject({ name: "train 1", pipeline: "cl", stage: "train", status: "FAILED" });
    expect(t1.endedAt).toBeInstanceOf(Date);
    // Capped per execution, sorted by key, non-finite values kept as their spelling.
    expect(t1.metrics).toEqual([
      { key: "a_nan", value: "NaN" },
      { key: "test_loss", value: 0.4 },
      { key: "val_loss", value: 0.5 },
    ]);
    expect(o.recent[2]).toMatchObject({ uuid: "ov-sim", status: "COMPLETED", metrics: [] });
    expect(o.recent[2].endedAt?.toISOString()).toBe("2026-02-01T00:10:00.000Z");
  });

  it("honours the pipeline and recent limits", async () => {
    const o = await getOverview(db, { pipelines: 1, recent: 2 });
    expect(o.pipelines.map((p) => p.name)).toEqual(["cl"]);
    expect(o.recent.map((e) => e.uuid)).toEqual(["ov-t2", "ov-t1"]);
    expect(o.totals.pipelines).toBe(2);
  });
});
