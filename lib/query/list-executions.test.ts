import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { executionsQuery } from "../schemas/query";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { listExecutions } from "./list-executions";
import { FilterSyntaxError } from "./filter/parse";

let t: ReturnType<typeof createTestDb>;
let db: Db;

const runs = [
  { name: "resnet-a", arch: "resnet", lr: 0.01, test_loss: 0.35, stage: "train" },
  { name: "resnet-b", arch: "resnet", lr: 0.001, test_loss: 0.5, stage: "train" },
  { name: "bottle-a", arch: "bottleneck", lr: 0.01, test_loss: 0.3, stage: "train" },
  { name: "bottle-b", arch: "bottleneck", lr: 0.1, test_loss: 0.45, stage: "train" },
  { name: "sim", arch: null, lr: null, test_loss: null, stage: "simulate" },
];

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  const ops: IngestBatchInput["ops"] = [];
  runs.forEach((r, i) => {
    ops.push({
      op: "execution.start", pipeline: "list", stage: r.stage, execution: `list-${r.name}`, name: r.name,
      params: r.arch ? { arch: r.arch, lr: r.lr } : {}, startedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    });
    if (r.test_loss !== null) ops.push({ op: "metrics", execution: `list-${r.name}`, values: { test_loss: r.test_loss } });
  });
  await applyBatch(db, ingestBatchBody.parse({ batchId: "list-setup", ops }), "test");
});
afterAll(() => t.close());

const names = async (q: Record<string, string>) =>
  (await listExecutions(db, executionsQuery.parse({ pipeline: "list", ...q }))).executions.map((e) => e.name);

describe("listExecutions", () => {
  it("filters with AND/OR and parentheses", async () => {
    const f = 'metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")';
    expect((await names({ filter: f })).sort()).toEqual(["bottle-a", "resnet-a"]);
    expect((await names({ filter: 'params.arch = "resnet" OR params.lr >= 0.1 AND metrics.test_loss < 0.4' })).sort()).toEqual([
      "resnet-a",
      "resnet-b",
    ]);
    expect(await names({ filter: 'stage = "simulate"' })).toEqual(["sim"]);
  });

  it("sorts by a metric with missing values last, both directions", async () => {
    expect(await names({ sort: "metrics.test_loss" })).toEqual(["bottle-a", "resnet-a", "bottle-b", "resnet-b", "sim"]);
    expect(await names({ sort: "-metrics.test_loss" })).toEqual(["resnet-b", "bottle-b", "resnet-a", "bottle-a", "sim"]);
    // Ties (lr 0.01) fall back to the id in the same direction, so pages stay stable.
    expect(await names({ sort: "params.lr:desc" })).toEqual(["bottle-b", "bottle-a", "resnet-a", "resnet-b", "sim"]);
  });

  it("pages with a cursor until every execution is seen once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listExecutions(db, executionsQuery.parse({ pipeline: "list", limit: "2", sort: "name", ...(cursor ? { cursor } : {}) }));
      expect(page.total).toBe(5);
      seen.push(...page.executions.map((e) => e.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["bottle-a", "bottle-b", "resnet-a", "resnet-b", "sim"]);
  });

  it("reports a syntax error with its position", async () => {
    await expect(names({ filter: "metrics.test_loss < AND" })).rejects.toBeInstanceOf(FilterSyntaxError);
    await expect(names({ filter: "metrics.test_loss < AND" })).rejects.toMatchObject({ position: 20 });
  });
});
