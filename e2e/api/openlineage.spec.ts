import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniq, auth, getJson } from "../fixtures";
import { expectedLinks, expectedRuns } from "../../lib/interop/openlineage/expected-graph";
import { provProblems } from "../../lib/interop/prov/prov-structure";

// The shared OpenLineage fixtures (../shared/testdata/openlineage, see its SOURCES.md) sent the way
// OpenLineage clients send them. Each test rewrites the fixtures' UUIDs and namespaces to its own,
// so tests never share runs or datasets and the graph assertions are exact.
const FIXTURES = path.resolve(process.cwd(), "../shared/testdata/openlineage/events");
const files = (dir: string) => readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith(".json")).sort();
const load = (dir: string, file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, dir, file), "utf8"));
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isolate<T>(value: T, tag: string, ids = new Map<string, string>()): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === "string") {
      if (UUID.test(v)) {
        if (!ids.has(v.toLowerCase())) ids.set(v.toLowerCase(), randomUUID());
        return ids.get(v.toLowerCase());
      }
      return key === "namespace" ? `${v}-${tag}` : v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value) as T;
}

type Obj = Record<string, unknown>;
// Reads a nested field of a JSON response or fixture: dig(e, "properties.openlineage.eventType").
const dig = (v: unknown, p: string): unknown => p.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Obj)[k] : undefined), v);
type OlEvent = Obj & { eventType?: string; run: { runId: string; facets?: Obj }; job: { namespace: string; name: string; facets?: Obj }; dataset?: Obj };
type Ref = { uuid: string; name: string };
type Execution = {
  uuid: string; pipeline: string; stage: string; status: string; startedAt: string; endedAt: string | null;
  parent: Ref | null; children: Ref[]; inputs: Ref[]; outputs: Ref[]; properties: Obj;
};
type Ingested = {
  status: string; kind: string; execution: string; created: boolean;
  datasets: Array<{ direction: string; namespace: string; name: string; artifactId: number }>; warnings: Array<{ path: string }>;
};
type Node = { id: string; kind: string; label: string };
type Graph = { nodes: Node[]; edges: { source: string; target: string; kind: string }[] };

async function send(request: APIRequestContext, token: string, event: unknown, expected = 201): Promise<Ingested> {
  const res = await request.post("/api/v1/lineage", { headers: auth(token), data: event as Obj });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(expected);
  return body;
}

async function sendAll(request: APIRequestContext, token: string, events: unknown[]) {
  const results: Ingested[] = [];
  for (const e of events) results.push(await send(request, token, e));
  return results;
}

const execution = (request: APIRequestContext, uuid: string): Promise<Execution> => getJson(request, `/api/v1/executions/${encodeURIComponent(uuid)}`);
const names = (list: Array<{ name: string }>) => [...new Set(list.map((a) => a.name))].sort();

test.describe("POST /api/v1/lineage (OpenLineage)", () => {
  for (const file of files("sequences")) {
    test(`sequences/${file}: accepted in order and connected into the expected graph`, async ({ request, admin }) => {
      const events = isolate(asList(load("sequences", file)), uniq("seq"));
      if (file.startsWith("marquez")) {
        // The batch endpoint too: one request, applied in order.
        const res = await request.post("/api/v1/lineage/batch", { headers: admin.headers, data: events });
        expect(res.status()).toBe(200);
        expect(await res.json()).toMatchObject({ status: "success", summary: { received: events.length, successful: events.length, failed: 0 }, failed_events: [] });
      } else {
        await sendAll(request, admin.token, events);
      }

      const runs = expectedRuns(events);
      for (const [uuid, want] of runs) {
        const e = await execution(request, uuid);
        expect({ pipeline: e.pipeline, stage: e.stage, status: e.status, parent: e.parent?.uuid ?? null, inputs: names(e.inputs), outputs: names(e.outputs) }, `${file}: ${uuid}`).toEqual(want);
      }
      // Where one run writes a dataset and another reads it, the lineage graph goes through one node.
      for (const link of expectedLinks(runs)) {
        const g: Graph = await getJson(request, `/api/v1/lineage?node=execution:${link.producer}&direction=down&depth=2`);
        const dataset = g.nodes.find((n) => n.kind === "artifact" && n.label === link.dataset)!;
        expect(g.edges).toContainEqual({ source: `execution:${link.producer}`, target: dataset.id, kind: "output" });
        expect(g.edges).toContainEqual({ source: dataset.id, target: `execution:${link.consumer}`, kind: "input" });
      }
    });
  }

  test("the food delivery demo connects etl_orders to email_discounts through four datasets", async ({ request, admin }) => {
    const ids = new Map<string, string>();
    const events = isolate(asList(load("sequences", "marquez-food_delivery-seed.json")), uniq("food"), ids) as OlEvent[];
    await sendAll(request, admin.token, events);
    const runOf = (job: string) => events.find((e) => e.job.name === job)!.run.runId;
    const down = (depth: number): Promise<Graph> => getJson(request, `/api/v1/lineage?node=execution:${runOf("etl_orders")}&direction=down&depth=${depth}`);
    const last = `execution:${runOf("email_discounts")}`;
    expect((await down(8)).nodes.map((n) => n.id)).toContain(last);
    expect((await down(7)).nodes.map((n) => n.id)).not.toContain(last);
    const orders = await execution(request, runOf("etl_orders_7_days"));
    expect(orders).toMatchObject({ status: "COMPLETED", startedAt: "2024-05-01T09:00:00.000Z", endedAt: "2024-05-01T09:07:00.000Z" });
    expect((dig(orders, "properties.openlineage.events") as Obj[]).map((e) => e.eventType)).toEqual(["START", "COMPLETE"]);
    // Column lineage is deeper than the property limit: kept whole, as JSON text.
    const out = (dig(orders, "properties.openlineage.outputs") as Obj[]).find((d) => d.name === "public.orders_7_days");
    expect(Object.keys(JSON.parse(dig(out, "facets.columnLineage") as string).fields)).toContain("order_id");
  });

  for (const file of files("valid")) {
    test(`valid/${file} is accepted`, async ({ request, admin }) => {
      const raw = isolate(load("valid", file), uniq("valid")) as OlEvent;
      const r = await send(request, admin.token, raw);
      expect(r).toMatchObject({ status: "ok", execution: expect.any(String) });
      const e = await execution(request, r.execution);
      if (raw.run) {
        expect(r.kind).toBe("RunEvent");
        expect(e).toMatchObject({ uuid: raw.run.runId, pipeline: raw.job.namespace, stage: raw.job.name });
        expect(e.status).toBe({ COMPLETE: "COMPLETED", FAIL: "FAILED", ABORT: "FAILED" }[raw.eventType as string] ?? "RUNNING");
        expect(Object.keys(dig(e, "properties.openlineage.runFacets") ?? {}).sort()).toEqual(Object.keys(raw.run.facets ?? {}).sort());
        expect(Object.keys(dig(e, "properties.openlineage.jobFacets") ?? {}).sort()).toEqual(Object.keys(raw.job.facets ?? {}).sort());
      } else {
        expect(r.kind).toBe(raw.dataset ? "DatasetEvent" : "JobEvent");
        expect(e.status).toBe("COMPLETED");
      }
      expect(names([...e.inputs, ...e.outputs])).toEqual(names(r.datasets.map((d) => ({ name: `${d.namespace}/${d.name}` }))));
    });
  }

  test("verbatim fixture files (their real run ids) are accepted, and again on replay", async ({ request, admin }) => {
    const all = [...files("valid").map((f) => ["valid", f]), ...files("quirks").map((f) => ["quirks", f]), ...files("sequences").map((f) => ["sequences", f])];
    for (const [dir, f] of all) await sendAll(request, admin.token, asList(load(dir, f)));
    for (const f of files("invalid").filter((x) => !x.includes("no_run_id"))) await send(request, admin.token, load("invalid", f));
    const again = await send(request, admin.token, load("valid", "ol-fluentd-event_simple.json"));
    expect(again.execution).toBe("41fb5137-f0fd-4ee5-ba5c-56f8571d1bd7");
  });

  test("quirks: no timezone, no schemaURL, _deleted: null, non-standard nominal times, an orphan parent", async ({ request, admin }) => {
    const tag = uniq("quirk");
    const noTz = await send(request, admin.token, isolate(load("quirks", "mq-event_required_no_timezone.json"), tag));
    expect((await execution(request, noTz.execution)).startedAt).toBe("2020-12-28T19:51:01.641Z"); // read as UTC

    const noUrl = await send(request, admin.token, isolate(load("quirks", "mq-event_without_schema_url.json"), tag));
    expect(dig(await execution(request, noUrl.execution), "properties.openlineage")).toMatchObject({ schemaURL: null, eventType: "COMPLETE" });

    const serde = await send(request, admin.token, isolate(load("quirks", "ol-python-serde_run_event.json"), tag));
    expect(serde.warnings).toContainEqual(expect.objectContaining({ path: "run.facets.nominalTime.nominalStartTime" }));

    const dbt = isolate(asList(load("quirks", "dbt-postgres-failed_run-deleted-null.json")), tag) as OlEvent[];
    await sendAll(request, admin.token, dbt);
    const model = await execution(request, dbt[1].run.runId);
    expect(model).toMatchObject({ status: "FAILED", stage: "model.jaffle_shop.orders", parent: { uuid: dbt[0].run.runId } });
    expect(dig(model, "properties.openlineage.jobFacets.jobType")).toMatchObject({ _deleted: null, processingType: "BATCH" });
    expect(names(model.children)).toEqual(["model.jaffle_shop.orders.sql.1", "model.jaffle_shop.orders.sql.2"]);

    const spark = isolate(load("quirks", "spark-cli-failing.json"), tag) as OlEvent;
    await send(request, admin.token, spark);
    const parent = await execution(request, dig(spark, "run.facets.parent.run.runId") as string);
    expect(parent).toMatchObject({ stage: "cli_test_application", pipeline: spark.job.namespace, status: "RUNNING", properties: { openlineage: { stub: true } } });
    expect(parent.children.map((c) => c.uuid)).toEqual([spark.run.runId]);
  });

  test("invalid: an event without run.runId is a 422 naming the path", async ({ request, admin }) => {
    const body = await send(request, admin.token, load("invalid", "ol-fluentd-event_no_run_id.json"), 422);
    expect(body).toEqual({ error: { code: "invalid", path: "run.runId", message: expect.stringMatching(/^run\.runId: is required.*UUID/) } });
  });

  for (const [file, warning] of [
    ["ol-fluentd-event_invalid_dataset_facet.json", "outputs.0.facets.ownership.owners.0.name"],
    ["ol-fluentd-event_invalid_input_dataset_facet.json", "inputs.0.inputFacets.dataQualityMetrics.columnMetrics"],
    ["ol-fluentd-event_invalid_job_facet.json", "job.facets.ownership.owners.0.name"],
    ["ol-fluentd-event_invalid_output_dataset_facet.json", "outputs.0.outputFacets.outputStatistics.rowCount"],
    ["ol-fluentd-event_invalid_run_facet.json", "run.facets.parent.run.runId"],
  ]) {
    test(`invalid/${file}: accepted like Marquez, with a warning at ${warning}`, async ({ request, admin }) => {
      const r = await send(request, admin.token, isolate(load("invalid", file), uniq("facet")));
      expect(r.warnings).toContainEqual(expect.objectContaining({ path: warning }));
      const e = await execution(request, r.execution);
      expect(e).toMatchObject({ status: "COMPLETED", parent: null });
    });
  }

  test("a retried event creates nothing new", async ({ request, admin }) => {
    const event = isolate(load("valid", "ol-fluentd-event_simple.json"), uniq("retry")) as OlEvent;
    const first = await send(request, admin.token, event);
    expect(first.created).toBe(true);
    const second = await send(request, admin.token, { ...event });
    expect(second).toEqual(first);
    const list = await getJson(request, `/api/v1/executions?pipeline=${encodeURIComponent(event.job.namespace)}`);
    expect(list).toMatchObject({ total: 1, executions: [{ uuid: event.run.runId }] });
    const e = await execution(request, event.run.runId);
    expect(dig(e, "properties.openlineage.events")).toHaveLength(1);
    expect(e.inputs).toHaveLength(2);
  });

  test("an event of several hundred KB is accepted", async ({ request, admin }) => {
    const ns = uniq("big");
    const fields: Obj = {};
    for (let i = 0; i < 3000; i++) fields[`column_${i}`] = { inputFields: [{ namespace: ns, name: "in", field: `c${i}`, transformations: [{ type: "DIRECT", subtype: "IDENTITY" }] }] };
    const event = { eventType: "COMPLETE", eventTime: "2024-05-01T10:00:00Z", run: { runId: randomUUID() }, job: { namespace: ns, name: "wide" }, producer: "e2e", outputs: [{ namespace: ns, name: "out", facets: { columnLineage: { fields } } }] };
    expect(JSON.stringify(event).length).toBeGreaterThan(400_000);
    const r = await send(request, admin.token, event);
    expect(r.datasets).toMatchObject([{ direction: "output", name: "out", artifactId: expect.any(Number) }]);
  });

  test("the batch endpoint answers a mix of good and bad events with a partial-success summary", async ({ request, admin }) => {
    const ns = uniq("batch");
    const good = () => ({ eventType: "START", eventTime: "2024-05-01T10:00:00Z", run: { runId: randomUUID() }, job: { namespace: ns, name: "j" }, producer: "e2e" });
    const res = await request.post("/api/v1/lineage/batch", { headers: admin.headers, data: [good(), { ...good(), run: {} }, good(), 42] });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "partial_success",
      summary: { received: 4, successful: 2, failed: 2, retriable: 0, non_retriable: 2 },
      failed_events: [
        { index: 1, retriable: false, path: "run.runId", reason: expect.stringContaining("runId") },
        { index: 3, retriable: false, code: "invalid_event" },
      ],
    });
    const notArray = await request.post("/api/v1/lineage/batch", { headers: admin.headers, data: { events: [] } });
    expect(notArray.status()).toBe(422);
  });

  test("needs a write token; malformed JSON is a 400", async ({ request, tokenFor }) => {
    const event = { eventTime: "2024-05-01T10:00:00Z", run: { runId: randomUUID() }, job: { namespace: uniq("auth"), name: "j" } };
    expect((await request.post("/api/v1/lineage", { data: event })).status()).toBe(401);
    expect((await request.post("/api/v1/lineage", { headers: auth(await tokenFor("read")), data: event })).status()).toBe(403);
    await send(request, await tokenFor("write"), event);
    const bad = await request.post("/api/v1/lineage", { headers: { ...auth(await tokenFor("write")), "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_json");
  });
});

test.describe("GET /api/v1/lineage/export", () => {
  test("exports a subgraph as valid PROV-JSON and as plain graph JSON", async ({ request, admin, ingest, tokenFor }) => {
    const p = uniq("exp");
    await ingest([
      { op: "execution.start", pipeline: p, stage: "simulate", execution: `${p}-sim` },
      { op: "artifact", execution: `${p}-sim`, direction: "output", type: "dataset", name: `${p}-data`, hash: "sha256:d" },
      { op: "execution.end", execution: `${p}-sim`, status: "COMPLETED" },
      { op: "execution.start", pipeline: p, stage: "train", execution: `${p}-train` },
      { op: "artifact", execution: `${p}-train`, direction: "input", type: "dataset", name: `${p}-data`, hash: "sha256:d" },
      { op: "artifact", execution: `${p}-train`, direction: "output", type: "model", name: `${p}-model`, hash: "sha256:m" },
    ]);
    const q = `node=execution:${p}-train&direction=both&depth=3`;
    const read = auth(await tokenFor("read"));
    const res = await request.get(`/api/v1/lineage/export?${q}&format=prov`, { headers: read });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toBe(`attachment; filename="lineage-execution_${p}-train-both-3.prov.json"`);
    const doc = await res.json();
    expect(provProblems(doc)).toEqual([]);
    expect(Object.keys(doc.activity).sort()).toEqual([`execution:${p}-sim`, `execution:${p}-train`]);
    expect(Object.keys(doc.entity)).toHaveLength(2);
    expect(Object.values(doc.wasDerivedFrom)).toEqual([expect.objectContaining({ "prov:activity": `execution:${p}-train` })]);
    expect(Object.keys(doc.agent)).toEqual([`pipeline:${p}`]);

    const graph = await request.get(`/api/v1/lineage/export?${q}&format=graph`, { headers: admin.headers });
    expect(graph.headers()["content-disposition"]).toMatch(/\.graph\.json"$/);
    expect(await graph.json()).toEqual(await getJson(request, `/api/v1/lineage?${q}`));

    const bad = await request.get(`/api/v1/lineage/export?${q}&format=rdf`, { headers: admin.headers });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.path).toBe("format");
  });

  test("an OpenLineage sequence exports as valid PROV-JSON", async ({ request, admin }) => {
    // Two Airflow tasks write popular_orders_day_of_week; the second reads top_delivery_times.
    const events = isolate(asList(load("sequences", "airflow-postgres.json")), uniq("olprov")) as OlEvent[];
    const results = await sendAll(request, admin.token, events);
    const popular = results[3].datasets.find((d) => d.direction === "output")!;
    const doc = await getJson(request, `/api/v1/lineage/export?node=artifact:${popular.artifactId}&direction=up&depth=2`);
    expect(provProblems(doc)).toEqual([]);
    expect(Object.keys(doc.activity).sort()).toEqual([`execution:${events[2].run.runId}`, `execution:${events[3].run.runId}`].sort());
    expect(Object.keys(doc.entity)).toHaveLength(2);
    expect(Object.values(doc.wasDerivedFrom)).toEqual([
      expect.objectContaining({ "prov:generatedEntity": `artifact:${popular.artifactId}`, "prov:activity": `execution:${events[3].run.runId}` }),
    ]);
    expect(Object.values(doc.wasGeneratedBy as Obj).every((g) => typeof dig(g, "prov:time") === "string")).toBe(true);
  });
});
