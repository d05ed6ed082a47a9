import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { executionFields } from "./execution-fields";

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  await applyBatch(
    db,
    ingestBatchBody.parse({
      batchId: "fields",
      ops: [
        { op: "execution.start", pipeline: "a", stage: "train", execution: "f1", params: { arch: "resnet", lr: 0.1, opt: { name: "adam" }, tags: [1] } },
        { op: "execution.start", pipeline: "a", stage: "train", execution: "f2", params: { arch: "bottleneck", lr: "auto" } },
        { op: "execution.start", pipeline: "b", stage: "sim", execution: "f3", params: { grid: 64 } },
        { op: "metrics", execution: "f1", values: { test_loss: 0.3, "NaN-ish": "NaN" } },
        { op: "metrics", execution: "f3", values: { energy: 1.5 } },
      ],
    }),
    "test",
  );
});
afterAll(() => t.close());

describe("executionFields", () => {
  it("lists every param and metric key with its type and example values", async () => {
    expect(await executionFields(db, {})).toEqual({
      params: [
        { key: "arch", type: "string", values: ["bottleneck", "resnet"] },
        { key: "grid", type: "number", values: [] },
        { key: "lr", type: "mixed", values: ["auto"] },
        { key: "opt.name", type: "string", values: ["adam"] },
        { key: "tags", type: "other", values: [] },
      ],
      metrics: [{ key: "NaN-ish" }, { key: "energy" }, { key: "test_loss" }],
    });
  });

  it("restricts to one pipeline's executions", async () => {
    expect(await executionFields(db, { pipeline: "b" })).toEqual({ params: [{ key: "grid", type: "number", values: [] }], metrics: [{ key: "energy" }] });
    const a = await executionFields(db, { pipeline: "a" });
    expect(a.params.map((p) => p.key)).toEqual(["arch", "lr", "opt.name", "tags"]);
    expect(a.params.find((p) => p.key === "lr")).toEqual({ key: "lr", type: "mixed", values: ["auto"] });
    expect(a.metrics).toEqual([{ key: "NaN-ish" }, { key: "test_loss" }]);
    expect(await executionFields(db, { pipeline: "nope" })).toEqual({ params: [], metrics: [] });
  });
});
