import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { startPoints } from "./start-points";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const apply = (batchId: string, ops: IngestBatchInput["ops"]) => applyBatch(db, ingestBatchBody.parse({ batchId, ops }), "test");

describe("startPoints", () => {
  it("lists the latest model versions, datasets and executions, newest first", async () => {
    expect(await startPoints(db)).toEqual({ models: [], datasets: [], executions: [] });
    for (const i of [1, 2, 3]) {
      await apply(`b${i}`, [
        { op: "execution.start", pipeline: "p", stage: "train", execution: `x${i}`, startedAt: `2026-01-0${i}T00:00:00Z` },
        { op: "artifact", execution: `x${i}`, direction: "input", type: "dataset", name: `d${i}`, hash: `sha256:d${i}` },
        { op: "artifact", execution: `x${i}`, direction: "output", type: "model", name: "m", hash: `sha256:m${i}` },
        { op: "model.version", model: "m", hash: `sha256:m${i}`, execution: `x${i}` },
      ]);
    }
    const s = await startPoints(db, 2);
    expect(s.models.map((m) => [m.model, m.version])).toEqual([["m", 3], ["m", 2]]);
    expect(s.datasets.map((d) => d.name)).toEqual(["d3", "d2"]); // models are not datasets
    expect(s.executions.map((e) => e.uuid)).toEqual(["x3", "x2"]);
    expect(s.executions[0]).toMatchObject({ pipeline: "p", stage: "train", status: "RUNNING" });
    const model = await db.artifact.findUnique({ where: { id: s.models[0].artifactId }, select: { hash: true } });
    expect(model?.hash).toBe("sha256:m3");
  });
});
