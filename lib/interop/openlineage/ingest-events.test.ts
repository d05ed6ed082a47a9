import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/test-db";
import { expectedLinks, expectedRuns } from "./expected-graph";
import { ingestEvent, ingestEvents } from "./ingest-events";

// The shared OpenLineage fixtures (see ../shared/testdata/openlineage/SOURCES.md), applied to a real
// migrated database through the same code the endpoints call.
const FIXTURES = path.resolve(process.cwd(), "../shared/testdata/openlineage/events");
const files = (dir: string) => readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith(".json")).sort();
const load = (dir: string, file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, dir, file), "utf8"));
const asList = (v: unknown) => (Array.isArray(v) ? v : [v]);

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const counts = async () => ({
  executions: await db.execution.count(),
  artifacts: await db.artifact.count(),
  events: await db.event.count(),
  batches: await db.ingestBatch.count(),
});

async function runState(uuid: string) {
  const e = await db.execution.findUniqueOrThrow({
    where: { uuid },
    select: {
      status: true, properties: true, pipeline: { select: { name: true } }, stage: { select: { name: true } }, parent: { select: { uuid: true } },
      events: { select: { direction: true, artifact: { select: { name: true } } } },
    },
  });
  const names = (dir: string) => [...new Set(e.events.filter((x) => x.direction === dir).map((x) => x.artifact.name))].sort();
  return { pipeline: e.pipeline.name, stage: e.stage.name, status: e.status, parent: e.parent?.uuid ?? null, inputs: names("INPUT"), outputs: names("OUTPUT"), properties: JSON.parse(e.properties) };
}

describe("OpenLineage fixtures", () => {
  it.each(files("sequences"))("applies sequences/%s in order and connects the runs", async (file) => {
    const events = asList(load("sequences", file));
    const result = await ingestEvents(db, events, "test");
    expect(result.failed_events).toEqual([]);
    expect(result).toMatchObject({ status: "success", summary: { received: events.length, successful: events.length, failed: 0 } });

    const runs = expectedRuns(events);
    for (const [uuid, expected] of runs) {
      const { properties: _p, ...actual } = await runState(uuid);
      expect(actual, `${file}: run ${uuid}`).toEqual(expected);
    }
    // Every dataset one run writes and another reads is one artifact between them.
    for (const link of expectedLinks(runs)) {
      const artifact = await db.artifact.findFirstOrThrow({ where: { name: link.dataset }, select: { events: { select: { direction: true, execution: { select: { uuid: true } } } } } });
      const has = (dir: string, uuid: string) => artifact.events.some((e) => e.direction === dir && e.execution.uuid === uuid);
      expect(has("OUTPUT", link.producer) && has("INPUT", link.consumer), `${file}: ${link.dataset}`).toBe(true);
    }
  });

  it("connects the food delivery demo end to end", async () => {
    const events = asList(load("sequences", "marquez-food_delivery-seed.json"));
    await ingestEvents(db, events, "test"); // a replay: answered from the batch log
    const links = expectedLinks(expectedRuns(events));
    expect(links.length).toBeGreaterThanOrEqual(12);
    expect(links).toContainEqual({ dataset: "food_delivery/public.orders_7_days", producer: "ffba2c14-4170-48da-bec3-ab5fd4ec9a3f", consumer: expect.any(String) });
  });

  it.each([...files("valid").map((f) => ["valid", f]), ...files("quirks").map((f) => ["quirks", f])])("accepts %s/%s", async (dir, file) => {
    for (const raw of asList(load(dir, file))) {
      const r = await ingestEvent(db, raw, "test");
      expect(r.status).toBe("ok");
      const state = await db.execution.findUnique({ where: { uuid: r.execution }, select: { uuid: true } });
      expect(state).not.toBeNull();
    }
  });

  it("rejects the event without run.runId with a 422 naming the path", async () => {
    await expect(ingestEvent(db, load("invalid", "ol-fluentd-event_no_run_id.json"), "test")).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["run", "runId"], message: expect.stringMatching(/is required.*runId/) })],
    });
  });

  it.each([
    ["ol-fluentd-event_invalid_dataset_facet.json", "outputs.0.facets.ownership.owners.0.name"],
    ["ol-fluentd-event_invalid_input_dataset_facet.json", "inputs.0.inputFacets.dataQualityMetrics.columnMetrics"],
    ["ol-fluentd-event_invalid_job_facet.json", "job.facets.ownership.owners.0.name"],
    ["ol-fluentd-event_invalid_output_dataset_facet.json", "outputs.0.outputFacets.outputStatistics.rowCount"],
    ["ol-fluentd-event_invalid_run_facet.json", "run.facets.parent.run.runId"],
  ])("accepts invalid/%s with a warning at %s", async (file, warning) => {
    const r = await ingestEvent(db, load("invalid", file), "test");
    expect(r.warnings.map((w) => w.path)).toContain(warning);
    const { properties } = await runState(r.execution);
    expect(properties.openlineage.eventType).toBe("COMPLETE");
  });
});

describe("ingestEvent", () => {
  const RUN = "0d1e2f3a-4b5c-4d6e-8f70-000000000001";
  const base = (extra: Record<string, unknown> = {}) => ({
    eventType: "START",
    eventTime: "2024-06-01T10:00:00Z",
    run: { runId: RUN },
    job: { namespace: "unit", name: "retry" },
    producer: "https://example.test",
    inputs: [{ namespace: "unit", name: "in" }],
    ...extra,
  });

  it("writes nothing for a retried event and answers as the first time", async () => {
    const first = await ingestEvent(db, base(), "test");
    expect(first.created).toBe(true);
    const before = await counts();
    const propsBefore = (await runState(RUN)).properties;
    const reordered = Object.fromEntries(Object.entries(base()).reverse());
    expect(await ingestEvent(db, reordered, "test")).toEqual(first);
    expect(await counts()).toEqual(before);
    expect((await runState(RUN)).properties).toEqual(propsBefore);
  });

  it("updates one execution from START to COMPLETE and keeps both events' facets", async () => {
    const id = "0d1e2f3a-4b5c-4d6e-8f70-000000000002";
    await ingestEvent(db, base({ run: { runId: id, facets: { a: { x: 1 } } } }), "test");
    const done = await ingestEvent(db, base({ eventType: "COMPLETE", eventTime: "2024-06-01T10:05:00Z", run: { runId: id, facets: { b: { y: 2 } } }, inputs: [], outputs: [{ namespace: "unit", name: "out" }] }), "test");
    expect(done).toMatchObject({ created: false, datasets: [{ direction: "output", name: "out", artifactId: expect.any(Number) }] });
    const state = await runState(id);
    expect(state).toMatchObject({ status: "COMPLETED", inputs: ["unit/in"], outputs: ["unit/out"] });
    expect(state.properties.openlineage.runFacets).toEqual({ a: { x: 1 }, b: { y: 2 } });
    const row = await db.execution.findUniqueOrThrow({ where: { uuid: id }, select: { startedAt: true, endedAt: true } });
    expect([row.startedAt.toISOString(), row.endedAt?.toISOString()]).toEqual(["2024-06-01T10:00:00.000Z", "2024-06-01T10:05:00.000Z"]);
  });

  it("accepts an event of several hundred KB with deep column lineage", async () => {
    const fields: Record<string, unknown> = {};
    for (let i = 0; i < 2500; i++) {
      fields[`column_${i}`] = { inputFields: [{ namespace: "unit", name: "wide_in", field: `c${i}`, transformations: [{ type: "DIRECT", subtype: "IDENTITY", description: "", masking: false }] }] };
    }
    const raw = base({ run: { runId: "0d1e2f3a-4b5c-4d6e-8f70-000000000003" }, outputs: [{ namespace: "unit", name: "wide_out", facets: { columnLineage: { _producer: "x", _schemaURL: "y", fields } } }] });
    expect(JSON.stringify(raw).length).toBeGreaterThan(400_000);
    const r = await ingestEvent(db, raw, "test");
    const { properties } = await runState(r.execution);
    const stored = properties.openlineage.outputs[0].facets.columnLineage;
    expect(typeof stored).toBe("string"); // deeper than the property limit: kept as JSON text
    expect(Object.keys(JSON.parse(stored).fields)).toHaveLength(2500);
  });

  it("answers a mixed batch with the spec's partial-success summary", async () => {
    const good = (n: number) => base({ run: { runId: `0d1e2f3a-4b5c-4d6e-8f70-00000000010${n}` } });
    const r = await ingestEvents(db, [good(1), { ...good(2), run: {} }, good(3), "nonsense"], "test");
    expect(r).toMatchObject({
      status: "partial_success",
      summary: { received: 4, successful: 2, failed: 2, retriable: 0, non_retriable: 2 },
      failed_events: [
        { index: 1, retriable: false, code: "invalid", path: "run.runId", reason: expect.stringMatching(/^run\.runId: is required/) },
        { index: 3, retriable: false, code: "invalid_event" },
      ],
    });
    expect(r.results.map((x) => x.status)).toEqual(["ok", "error", "ok", "error"]);
    await expect(ingestEvents(db, { not: "an array" }, "test")).rejects.toThrow(/array/);
  });
});
