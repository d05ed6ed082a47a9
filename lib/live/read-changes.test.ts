import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { changesQuery } from "../schemas/live";
import { createTestDb } from "../testing/test-db";
import { encodeChangesCursor } from "./changes-cursor";
import { OVERLAP_MS, readChanges } from "./read-changes";

let t: ReturnType<typeof createTestDb>;
let db: Db;
let batch = 0;
const apply = (ops: IngestBatchInput["ops"]) => applyBatch(db, ingestBatchBody.parse({ batchId: `live-${++batch}`, ops }), "test");
const changes = (q: Record<string, string>, now?: Date) => readChanges(db, changesQuery.parse(q), now);

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  await apply([
    { op: "execution.start", pipeline: "live", stage: "train", execution: "live-a", name: "a", params: { arch: "resnet" } },
    { op: "execution.start", pipeline: "live", stage: "train", execution: "live-b", name: "b", params: { arch: "mlp" } },
    { op: "execution.start", pipeline: "elsewhere", stage: "train", execution: "live-c", name: "c" },
  ]);
});
afterAll(() => t.close());

describe("readChanges", () => {
  it("starts a feed with a baseline: watched state, nothing new", async () => {
    const first = await changes({ watch: "live-a,unknown" });
    expect(first).toMatchObject({ executions: [], series: [], events: [], truncated: false, stallSeconds: 300 });
    expect(first.watched).toEqual([expect.objectContaining({ uuid: "live-a", status: "RUNNING", stalled: false })]);
    expect(typeof first.cursor).toBe("string");
  });

  it("reports status changes, appended series and new lineage edges after the cursor", async () => {
    const start = await changes({ watch: "live-a", pipeline: "live" });
    const old = await db.event.count();
    await apply([
      { op: "series", execution: "live-a", key: "loss", steps: [1, 2, 3], values: [3, 2, 1] },
      { op: "artifact", execution: "live-a", direction: "output", type: "model", name: "m", hash: "sha256:live" },
      { op: "metrics", execution: "live-a", values: { test_loss: 0.2 } },
      { op: "execution.end", execution: "live-a", status: "COMPLETED" },
      { op: "execution.end", execution: "live-c", status: "FAILED" },
    ]);
    const next = await changes({ since: start.cursor, watch: "live-a", pipeline: "live" });
    // Newest change first; live-b is reported again (the look-back window), live-c is in another pipeline.
    expect(next.executions.map((e) => [e.uuid, e.status])).toEqual([["live-a", "COMPLETED"], ["live-b", "RUNNING"]]);
    expect(next.executions[0].metrics).toEqual({ test_loss: 0.2 });
    expect(next.watched[0]).toMatchObject({ uuid: "live-a", status: "COMPLETED", stalled: false, metrics: { test_loss: 0.2 } });
    expect(next.series).toEqual([expect.objectContaining({ execution: "live-a", key: "loss", rank: 0, count: 3, maxStep: 3 })]);
    expect(next.events).toEqual([expect.objectContaining({ direction: "OUTPUT", execution: { uuid: "live-a", name: "a" }, artifact: expect.objectContaining({ name: "m" }) })]);
    expect(old).toBe(next.events[0].id - 1);

    // The next poll starts after the last event it reported.
    const after = await changes({ since: next.cursor });
    expect(after.events).toEqual([]);
  });

  it("applies the filter language to the feed", async () => {
    const start = await changes({});
    await apply([{ op: "execution.end", execution: "live-b", status: "COMPLETED" }]);
    const resnet = await changes({ since: start.cursor, filter: 'params.arch = "resnet"' });
    const mlp = await changes({ since: start.cursor, filter: 'params.arch = "mlp"' });
    expect(resnet.executions.map((e) => e.uuid)).not.toContain("live-b");
    expect(mlp.executions.map((e) => e.uuid)).toEqual(["live-b"]);
    await expect(changes({ since: start.cursor, filter: "params.arch =" })).rejects.toMatchObject({ position: 13 });
    await expect(changes({ filter: "params.arch =" })).rejects.toMatchObject({ position: 13 });
  });

  it("looks back OVERLAP_MS before the cursor, so late commits are not missed", async () => {
    await apply([{ op: "execution.start", pipeline: "late", stage: "s", execution: "live-late" }]);
    const now = Date.now();
    const slightlyAfter = encodeChangesCursor({ t: now + OVERLAP_MS / 2, e: 0 });
    const wellAfter = encodeChangesCursor({ t: now + OVERLAP_MS * 2, e: 0 });
    expect((await changes({ since: slightlyAfter, pipeline: "late" })).executions.map((e) => e.uuid)).toEqual(["live-late"]);
    expect((await changes({ since: wellAfter, pipeline: "late" })).executions).toEqual([]);
  });

  it("flags a running execution without data for stallSeconds as stalled", async () => {
    await apply([{ op: "execution.start", pipeline: "stall", stage: "s", execution: "live-stall" }]);
    const inTen = new Date(Date.now() + 10_000);
    const quiet = await changes({ watch: "live-stall", stallSeconds: "5" }, inTen);
    expect(quiet.watched[0]).toMatchObject({ stalled: true, status: "RUNNING" });
    expect(quiet.watched[0].idleSeconds).toBeGreaterThanOrEqual(9);
    expect((await changes({ watch: "live-stall", stallSeconds: "60" }, inTen)).watched[0].stalled).toBe(false);
    // New points count as activity; a finished execution is never stalled.
    await apply([{ op: "series", execution: "live-stall", key: "x", steps: [1], values: [1] }]);
    expect((await changes({ watch: "live-stall", stallSeconds: "5" }, new Date(Date.now() + 2_000))).watched[0].stalled).toBe(false);
    await apply([{ op: "execution.end", execution: "live-stall", status: "FAILED" }]);
    expect((await changes({ watch: "live-stall", stallSeconds: "5" }, new Date(Date.now() + 60_000))).watched[0].stalled).toBe(false);
  });

  it("pages lineage events by id when a burst exceeds the limit", async () => {
    const start = await changes({});
    await apply(Array.from({ length: 5 }, (_, i) => ({ op: "artifact" as const, execution: "live-b", direction: "input" as const, type: "dataset" as const, name: `d${i}`, hash: `h${i}` })));
    const a = await changes({ since: start.cursor, limit: "3" });
    const b = await changes({ since: a.cursor, limit: "3" });
    expect([...a.events, ...b.events].map((e) => e.artifact.name)).toEqual(["d0", "d1", "d2", "d3", "d4"]);
  });

  it("answers only the parts asked for", async () => {
    const start = await changes({ watch: "live-b" });
    await apply([{ op: "series", execution: "live-b", key: "y", steps: [1], values: [1] }, { op: "artifact", execution: "live-b", direction: "output", type: "other", name: "only", hash: "only" }]);
    const events = await changes({ since: start.cursor, watch: "live-b", include: "events" });
    expect([events.executions.length, events.series.length, events.events.length]).toEqual([0, 0, 1]);
    const rest = await changes({ since: start.cursor, watch: "live-b", include: "executions,series" });
    expect(rest.events).toEqual([]);
    expect(rest.series.map((s) => s.key)).toEqual(["y"]);
    expect(rest.executions.length).toBeGreaterThan(0);
    // The events cursor does not move when events were not asked for.
    expect((await changes({ since: rest.cursor, include: "events" })).events.map((e) => e.artifact.name)).toEqual(["only"]);
    expect(changesQuery.safeParse({ include: "events,bogus" }).error?.issues[0].path).toEqual(["include", 1]);
  });

  it.each(["garbage", Buffer.from("12.x").toString("base64url")])("rejects the cursor %s", async (since) => {
    await expect(changes({ since })).rejects.toMatchObject({ status: 422, path: "since" });
  });
});
