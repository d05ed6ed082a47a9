import { describe, expect, it } from "vitest";
import { ingestBatchBody } from "../../schemas/ingest";
import { parseOpenLineageEvent } from "./schema";
import { referencedExecutions, toOps, type Known } from "./to-ops";

const RUN = "6f1c2b9e-0000-4000-8000-000000000001";
const PARENT = "6f1c2b9e-0000-4000-8000-0000000000aa";

const event = (extra: Record<string, unknown> = {}) =>
  parseOpenLineageEvent({
    eventType: "START",
    eventTime: "2024-05-01T10:00:00Z",
    run: { runId: RUN },
    job: { namespace: "food_delivery", name: "etl_orders" },
    inputs: [{ namespace: "postgres://db:5432", name: "public.menus" }],
    outputs: [{ namespace: "postgres://db:5432", name: "public.orders", facets: { schema: { fields: [{ name: "id", type: "int" }] } } }],
    producer: "https://example.test/p",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    ...extra,
  });

// Every mapping must be a batch the one write path accepts.
const valid = (m: ReturnType<typeof toOps>) => ingestBatchBody.parse({ batchId: m.batchId, ops: m.ops });
const start = (m: ReturnType<typeof toOps>) => m.ops[m.mainOp] as Record<string, unknown> & { properties: { openlineage: Record<string, unknown> } };

describe("toOps: RunEvent", () => {
  it("maps job → pipeline/stage, run → execution and datasets → artifacts", () => {
    const m = toOps(event());
    valid(m);
    expect(m).toMatchObject({ kind: "RunEvent", execution: RUN, parent: null, mainOp: 0 });
    expect(m.batchId).toMatch(/^ol:[0-9a-f]{64}$/);
    expect(start(m)).toMatchObject({ op: "execution.start", pipeline: "food_delivery", stage: "etl_orders", execution: RUN, name: "etl_orders", startedAt: "2024-05-01T10:00:00.000Z" });
    expect(m.ops.slice(1)).toMatchObject([
      { op: "artifact", direction: "input", type: "dataset", name: "postgres://db:5432/public.menus", uri: "postgres://db:5432/public.menus", hash: expect.stringMatching(/^ol:[0-9a-f]{64}$/) },
      { op: "artifact", direction: "output", name: "postgres://db:5432/public.orders", properties: { openlineage: { namespace: "postgres://db:5432", name: "public.orders", facets: { schema: { fields: [{ name: "id" }] } } } } },
    ]);
    expect(m.ops).toHaveLength(3); // START ends nothing
  });

  it.each([
    ["COMPLETE", "COMPLETED"],
    ["FAIL", "FAILED"],
    ["ABORT", "FAILED"],
  ])("ends the execution on %s as %s and keeps the original eventType", (eventType, status) => {
    const m = toOps(event({ eventType }));
    valid(m);
    expect(m.ops.at(-1)).toEqual({ op: "execution.end", execution: RUN, status, endedAt: "2024-05-01T10:00:00.000Z" });
    expect(start(m).properties.openlineage).toMatchObject({ eventType, events: [{ eventType, eventTime: "2024-05-01T10:00:00.000Z" }] });
  });

  it.each(["RUNNING", "OTHER", undefined])("leaves the status alone on %s", (eventType) => {
    const m = toOps(event({ eventType }));
    expect(m.ops.some((o) => o.op === "execution.end")).toBe(false);
  });

  it("gives the same dataset the same identity in every run, and a versioned one its own", () => {
    const a = toOps(event()).ops[2];
    const b = toOps(event({ run: { runId: PARENT }, inputs: [{ namespace: "postgres://db:5432", name: "public.orders" }], outputs: [] })).ops[1];
    expect(b).toMatchObject({ name: (a as { name: string }).name, hash: (a as { hash: string }).hash });
    const v = toOps(event({ outputs: [{ namespace: "postgres://db:5432", name: "public.orders", facets: { version: { datasetVersion: "7" } } }] })).ops[2];
    expect((v as { hash: string }).hash).not.toBe((a as { hash: string }).hash);
    expect(v).toMatchObject({ properties: { openlineage: { version: "7" } } });
  });

  it("starts an unknown parent run from the facet before linking to it", () => {
    const parent = { run: { runId: PARENT }, job: { namespace: "airflow", name: "dag" } };
    const e = event({ run: { runId: RUN, facets: { parent } } });
    expect(referencedExecutions(e)).toEqual([RUN, PARENT]);
    const m = toOps(e);
    valid(m);
    expect(m.parent).toBe(PARENT);
    expect(m.mainOp).toBe(1);
    expect(m.ops[0]).toMatchObject({ op: "execution.start", pipeline: "airflow", stage: "dag", execution: PARENT, startedAt: "2024-05-01T10:00:00.000Z", properties: { openlineage: { stub: true } } });
    expect(start(m)).toMatchObject({ parent: PARENT });
    expect(start(m).properties.openlineage.runFacets).toEqual({ parent });

    const known: Known = new Map([[PARENT, { pipeline: "airflow", stage: "dag", properties: {} }]]);
    const again = toOps(e, known);
    expect(again.mainOp).toBe(0);
    expect(start(again)).toMatchObject({ parent: PARENT });
  });

  it.each([
    ["a facet without run.runId", { run: { noRunId: "x" }, job: { namespace: "n", name: "p" } }, "run.facets.parent.run.runId"],
    ["the run itself", { run: { runId: RUN }, job: { namespace: "n", name: "p" } }, "run.facets.parent"],
    ["an unknown parent without job", { run: { runId: PARENT } }, "run.facets.parent.job"],
  ])("keeps but does not link %s, with a warning", (_what, parent, path) => {
    const m = toOps(event({ run: { runId: RUN, facets: { parent } } }));
    valid(m);
    expect(m.parent).toBeNull();
    expect(m.ops.filter((o) => o.op === "execution.start")).toHaveLength(1);
    expect(start(m).parent).toBeUndefined();
    expect(m.warnings.map((w) => w.path)).toContain(path);
  });

  it("keeps a run where it was first recorded when a later event names another job", () => {
    const known: Known = new Map([[RUN, { pipeline: "dbt", stage: "dbt-job-name", properties: { openlineage: { stub: true } } }]]);
    const m = toOps(event(), known);
    valid(m);
    expect(start(m)).toMatchObject({ pipeline: "dbt", stage: "dbt-job-name", name: "etl_orders" });
    expect(start(m).startedAt).toBe("2024-05-01T10:00:00.000Z"); // a START dates the run even when it exists
    expect(start(m).properties.openlineage).toMatchObject({ job: { namespace: "food_delivery", name: "etl_orders" } });
    expect(start(m).properties.openlineage.stub).toBeUndefined();
    expect(m.warnings).toEqual([expect.objectContaining({ path: "job" })]);
    expect(start(toOps(event({ eventType: "COMPLETE" }), known)).startedAt).toBeUndefined();
  });

  it("merges facets over those of earlier events of the run", () => {
    const first = toOps(event({ run: { runId: RUN, facets: { a: { v: 1 }, b: { v: 1 } } }, job: { namespace: "food_delivery", name: "etl_orders", facets: { sql: { query: "x" }, doc: { description: "d" } } } }));
    const known: Known = new Map([[RUN, { pipeline: "food_delivery", stage: "etl_orders", properties: { ...start(first).properties, note: "kept" } }]]);
    const second = toOps(
      event({ eventType: "COMPLETE", eventTime: "2024-05-01T11:00:00Z", run: { runId: RUN, facets: { b: { v: 2 } } }, job: { namespace: "food_delivery", name: "etl_orders", facets: { doc: { _deleted: true } } }, inputs: [{ namespace: "postgres://db:5432", name: "public.menus", inputFacets: { dq: { ok: true } } }] }),
      known,
    );
    valid(second);
    const props = start(second).properties as Record<string, unknown> & { openlineage: Record<string, unknown> };
    expect(props.note).toBe("kept");
    expect(props.openlineage).toMatchObject({
      eventType: "COMPLETE",
      events: [{ eventType: "START" }, { eventType: "COMPLETE", eventTime: "2024-05-01T11:00:00.000Z" }],
      runFacets: { a: { v: 1 }, b: { v: 2 } },
      jobFacets: { sql: { query: "x" } },
      inputs: [{ namespace: "postgres://db:5432", name: "public.menus", inputFacets: { dq: { ok: true } } }],
      outputs: [{ name: "public.orders", facets: { schema: {} } }],
    });
    expect((props.openlineage.jobFacets as Record<string, unknown>).doc).toBeUndefined();
  });

  it("keeps facets the property limits reject as JSON text", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10; i++) deep = { deeper: deep };
    const odd = { ["k".repeat(300)]: 1, constructor: { x: 1 } };
    const m = toOps(event({ run: { runId: RUN, facets: { deep, odd, constructor: { fine: true }, flat: { a: 1 } } } }));
    valid(m);
    const facets = start(m).properties.openlineage.runFacets as Record<string, unknown>;
    expect(facets.flat).toEqual({ a: 1 });
    expect(JSON.parse(facets.deep as string)).toEqual(deep);
    expect(JSON.parse(facets.odd as string)).toEqual(JSON.parse(JSON.stringify(odd)));
    expect(facets.constructor_).toEqual({ fine: true });
  });

  it("fits long and odd job names into stage names", () => {
    const m = toOps(event({ job: { namespace: "n\tx", name: `${"j".repeat(400)}🕷` } }));
    valid(m);
    expect(start(m)).toMatchObject({ pipeline: "n x", stage: expect.stringMatching(/^j+…#[0-9a-f]{12}$/) });
  });
});

describe("toOps: events without a run", () => {
  it("records a JobEvent as one completed execution per job that links the declared datasets", () => {
    const raw = { eventTime: "2020-12-28T19:52:00.001+10:00", job: { namespace: "sched", name: "myjob" }, inputs: [{ namespace: "n", name: "in" }], outputs: [{ namespace: "n", name: "out" }] };
    const m = toOps(parseOpenLineageEvent(raw));
    valid(m);
    expect(m.execution).toMatch(/^ol-job:[0-9a-f]{40}$/);
    expect(toOps(parseOpenLineageEvent({ ...raw, eventTime: "2021-01-01T00:00:00Z" })).execution).toBe(m.execution);
    expect(m.ops.map((o) => o.op)).toEqual(["execution.start", "artifact", "artifact", "execution.end"]);
    expect(m.ops[0]).toMatchObject({ pipeline: "sched", stage: "myjob", properties: { openlineage: { kind: "JobEvent" } } });
    expect(m.ops[3]).toMatchObject({ status: "COMPLETED", endedAt: "2020-12-28T09:52:00.001Z" });
  });

  it("records a DatasetEvent as an observing execution that has the dataset as input", () => {
    const m = toOps(parseOpenLineageEvent({ eventTime: "2024-05-01T10:00:00Z", dataset: { namespace: "n", name: "d", facets: { schema: { fields: [] } } } }));
    valid(m);
    expect(m.execution).toMatch(/^ol-dataset:[0-9a-f]{40}$/);
    expect(m.ops[0]).toMatchObject({ pipeline: "openlineage-datasets", stage: "n", name: "n/d", properties: { openlineage: { kind: "DatasetEvent", dataset: { namespace: "n", name: "d" }, inputs: [{ facets: { schema: { fields: [] } } }] } } });
    expect(m.ops[1]).toMatchObject({ op: "artifact", direction: "input", name: "n/d" });
  });
});
