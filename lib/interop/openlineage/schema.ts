import { z } from "zod";
import { unprocessable } from "../../http/errors";
import { LIMITS } from "../../schemas/limits";
import { eventBatchId, normalizeRunId } from "./names";

// POST /api/v1/lineage and /api/v1/lineage/batch — OpenLineage events (spec 2-0-2), validated as
// tolerantly as Marquez accepts them: eventTime without a timezone (read as UTC) or with any number
// of fractional digits, no producer or schemaURL, null facets, unknown top-level keys (ignored).
// Facet contents are not validated here (facet-checks.ts turns problems into warnings); only what the
// mapping needs is required, and a missing run.runId is a 422 naming the path.

export const EVENT_TYPES = ["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const MAX_EVENTS_PER_BATCH = LIMITS.openLineageEventsPerBatch;
// Deeper JSON is no metadata anyone sends; the cap keeps every recursive walk over an event safe.
export const MAX_EVENT_DEPTH = LIMITS.openLineageDepth;

export type Facets = Record<string, unknown>;

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? `is required: ${what}` : `must be a string (${what})`;
const text = (what: string) => z.string({ error: required(what) }).min(1, `must not be empty (${what})`);

// Facets pass through uncopied: a schema copy would turn an own "__proto__" key into a prototype change.
const facets = z
  .custom<Facets>((v) => v === undefined || v === null || isObject(v), { error: "must be an object mapping facet names to facets" })
  .transform((v) => (isObject(v) ? v : undefined))
  .optional();

const TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

// ISO-8601 date-time → canonical UTC ISO string; null when it is not one.
export function parseEventTime(s: string): string | null {
  const m = TIME.exec(s.trim());
  if (!m) return null;
  const [, date, hm, sec = ":00", frac = "", zone] = m;
  const ms = `${frac.slice(1)}000`.slice(0, 3);
  let offset = "Z";
  if (zone && !/z/i.test(zone)) {
    const digits = zone.slice(1).replace(":", "");
    offset = `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
  }
  const t = new Date(`${date}T${hm}${sec}.${ms}${offset}`);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

const eventTime = z.string({ error: required("the time the event occurred, e.g. 2024-05-01T10:00:00Z") }).transform((s, ctx) => {
  const t = parseEventTime(s);
  if (t === null) {
    ctx.addIssue({ code: "custom", message: "must be an ISO-8601 date-time such as 2024-05-01T10:00:00.000Z (without a timezone it is read as UTC)" });
    return z.NEVER;
  }
  return t;
});

const eventType = z
  .string({ error: "must be a string: one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER" })
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(EVENT_TYPES, { error: "must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER" }))
  .nullish()
  .transform((v) => v ?? undefined);

const optionalText = z
  .string({ error: "must be a string" })
  .nullish()
  .transform((v) => v ?? undefined);

export const runId = z
  .string({ error: required("every RunEvent needs run.runId, the UUID of the run") })
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, "must be the run's UUID, e.g. 3f5e83fa-3480-44ff-99c5-ff943904e5e8")
  .transform(normalizeRunId);

const run = z.object(
  { runId, facets },
  { error: (iss) => (iss.input === undefined ? "is required: a RunEvent needs run.runId" : "must be an object with runId and optional facets") },
);
const job = z.object(
  { namespace: text("the job's namespace"), name: text("the job's name"), facets },
  { error: (iss) => (iss.input === undefined ? "is required: a RunEvent names its job (namespace and name)" : "must be an object with namespace and name") },
);
const dataset = z.object(
  { namespace: text("the dataset's namespace"), name: text("the dataset's name"), facets, inputFacets: facets, outputFacets: facets },
  { error: "must be a dataset object with namespace and name" },
);
const datasets = z
  .array(dataset, { error: "must be an array of datasets" })
  .nullish()
  .transform((v) => v ?? []);

const base = { eventTime, producer: optionalText, schemaURL: optionalText };

export const runEventSchema = z.object({ ...base, eventType, run, job, inputs: datasets, outputs: datasets });
export const jobEventSchema = z.object({ ...base, eventType, job, inputs: datasets, outputs: datasets });
export const datasetEventSchema = z.object({ ...base, dataset });

export type OlDataset = z.infer<typeof dataset>;
export type RunEvent = z.infer<typeof runEventSchema> & { kind: "RunEvent"; batchId: string };
export type JobEvent = z.infer<typeof jobEventSchema> & { kind: "JobEvent"; batchId: string };
export type DatasetEvent = z.infer<typeof datasetEventSchema> & { kind: "DatasetEvent"; batchId: string };
export type OpenLineageEvent = RunEvent | JobEvent | DatasetEvent;

// For the OpenAPI document only: parsing dispatches on the event kind for precise error paths.
export const openLineageEventBody = z.union([runEventSchema, jobEventSchema, datasetEventSchema]);
export const openLineageBatchBody = z.array(openLineageEventBody).max(MAX_EVENTS_PER_BATCH);

// The kind follows the spec's required keys: run → RunEvent, else job → JobEvent, else dataset → DatasetEvent.
export function parseOpenLineageEvent(raw: unknown): OpenLineageEvent {
  if (!isObject(raw)) {
    const hint = Array.isArray(raw) ? "; send arrays of events to /api/v1/lineage/batch" : "";
    throw unprocessable(`an OpenLineage event must be a JSON object with run (RunEvent), job (JobEvent) or dataset (DatasetEvent)${hint}`, undefined, "invalid_event");
  }
  if (nestingDepth(raw) > MAX_EVENT_DEPTH) {
    throw unprocessable(`the event is nested more than ${MAX_EVENT_DEPTH} levels deep`, undefined, "invalid_event");
  }
  const batchId = eventBatchId(raw);
  if (raw.run !== undefined) return { ...runEventSchema.parse(raw), kind: "RunEvent", batchId };
  if (raw.job !== undefined) return { ...jobEventSchema.parse(raw), kind: "JobEvent", batchId };
  if (raw.dataset !== undefined) return { ...datasetEventSchema.parse(raw), kind: "DatasetEvent", batchId };
  throw unprocessable(
    "run: is required: a RunEvent needs run.runId and job; a JobEvent needs job, a DatasetEvent needs dataset",
    "run",
    "invalid_event",
  );
}

export const openLineageBatch = z
  .array(z.unknown(), { error: "must be a JSON array of OpenLineage events" })
  .max(MAX_EVENTS_PER_BATCH, `must hold at most ${MAX_EVENTS_PER_BATCH} events; split the batch`);

// Iterative, because JSON.parse accepts nesting far deeper than the call stack.
export function nestingDepth(root: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    deepest = Math.max(deepest, d);
    if (deepest > MAX_EVENT_DEPTH) return deepest;
    for (const child of Object.values(v)) if (child !== null && typeof child === "object") stack.push([child, d + 1]);
  }
  return deepest;
}
