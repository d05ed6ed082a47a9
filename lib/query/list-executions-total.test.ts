import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { executionsQuery } from "../schemas/query";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { listExecutions } from "./list-executions";

// How `total` is computed: counted with the first page (inline for filters), carried by the cursor.

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  const ops: IngestBatchInput["ops"] = [];
  for (let i = 0; i < 12; i++) {
    const execution = `total-${i}`;
    ops.push({ op: "execution.start", pipeline: "total", stage: "train", execution, name: `run-${String(i).padStart(2, "0")}`, params: { i } });
    ops.push({ op: "metrics", execution, values: { loss: i / 10 } });
  }
  await applyBatch(db, ingestBatchBody.parse({ batchId: "total-setup", ops }), "test");
});
afterAll(() => t.close());

const list = (q: Record<string, string>) => listExecutions(db, executionsQuery.parse({ pipeline: "total", ...q }));

describe("listExecutions total", () => {
  it.each([
    ["unfiltered, index order", { sort: "name" }, 12],
    ["unfiltered, metric order", { sort: "-metrics.loss" }, 12],
    ["filtered, index order", { filter: "metrics.loss >= 0.5", sort: "-startedAt" }, 7],
    ["filtered, metric order", { filter: "metrics.loss >= 0.5 OR params.i = 0", sort: "metrics.loss" }, 8],
    ["filter matching nothing", { filter: "metrics.loss > 99" }, 0],
  ])("counts the matches of a full first page: %s", async (_label, q, total) => {
    const first = await list({ ...q, limit: "3" });
    expect(first.total).toBe(total);
    expect(first.nextCursor === null).toBe(total <= 3);
  });

  it("counts from a short page without a count query, also at an offset", async () => {
    const all = await list({ filter: "metrics.loss < 0.3", limit: "50" });
    expect(all.total).toBe(3);
    const first = await list({ filter: "metrics.loss < 0.3", limit: "2", sort: "name" });
    const second = await list({ filter: "metrics.loss < 0.3", limit: "2", sort: "name", cursor: first.nextCursor! });
    expect([first.total, second.total]).toEqual([3, 3]);
    expect(second.executions.map((e) => e.name)).toEqual(["run-02"]);
  });

  it("carries the first page's total through the cursor", async () => {
    const first = await list({ filter: "metrics.loss >= 0.2", sort: "name", limit: "4" });
    expect(first.total).toBe(10);
    // A cursor for offset 4 claiming 99: the total is taken as given, not recounted.
    const forged = Buffer.from("4:99").toString("base64url");
    const next = await list({ filter: "metrics.loss >= 0.2", sort: "name", limit: "4", cursor: forged });
    expect(next.total).toBe(99);
    expect(next.executions.map((e) => e.name)).toEqual(["run-06", "run-07", "run-08", "run-09"]);
  });

  it("accepts a bare-offset cursor and counts again", async () => {
    const legacy = Buffer.from("10").toString("base64url");
    const page = await list({ sort: "name", limit: "5", cursor: legacy });
    expect(page.total).toBe(12);
    expect(page.executions.map((e) => e.name)).toEqual(["run-10", "run-11"]);
    const beyond = await list({ filter: "params.i >= 0", sort: "name", limit: "5", cursor: Buffer.from("40").toString("base64url") });
    expect(beyond).toMatchObject({ total: 12, executions: [], nextCursor: null });
  });

  it.each([
    "metrics.loss >= 0.5",
    "NOT metrics.loss >= 0.5",
    "NOT (params.i < 3 OR metrics.loss > 0.9) AND name ~ \"run-*\"",
    "params.i = 4 OR NOT params.missing = 1",
    "metrics.absent < 1 OR params.i != 7",
  ])("matches the same rows whether the filter is counted (id sets) or paged (EXISTS): %s", async (filter) => {
    // Scoped by the filter language rather than ?pipeline=, so the counted pass uses id sets.
    const scoped = (extra: Record<string, string>) =>
      listExecutions(db, executionsQuery.parse({ filter: `pipeline = "total" AND (${filter})`, sort: "name", limit: "50", ...extra }));
    const counted = await scoped({});
    const paged = await scoped({ cursor: Buffer.from("0:0").toString("base64url") });
    expect(paged.executions.map((e) => e.name)).toEqual(counted.executions.map((e) => e.name));
    expect(counted.total).toBe(counted.executions.length);
  });

  it.each(["bm90LWEtbnVtYmVy", Buffer.from("3:-1").toString("base64url"), Buffer.from("-2").toString("base64url")])("rejects the cursor %s", async (cursor) => {
    await expect(list({ cursor })).rejects.toMatchObject({ status: 422, path: "cursor" });
  });
});
