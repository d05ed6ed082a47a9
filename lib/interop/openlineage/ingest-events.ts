import "server-only";
import { ZodError } from "zod";
import type { Db } from "../../db/client";
import { ApiError, pathString, unprocessable } from "../../http/errors";
import { applyBatch } from "../../ingest/apply-batch";
import { parseJsonObject } from "../../query/format";
import { ingestBatchBody, type IngestBatchResponse } from "../../schemas/ingest";
import type { Warning } from "./facet-checks";
import { openLineageBatch, parseOpenLineageEvent, type OpenLineageEvent } from "./schema";
import { referencedExecutions, toOps, type Known } from "./to-ops";

// Applies OpenLineage events through the one write path (applyBatch), one event per ingest batch.

export type EventResult = {
  status: "ok";
  kind: OpenLineageEvent["kind"];
  batchId: string;
  execution: string;
  parent: string | null;
  created: boolean; // false when the execution existed, or when this answers a retried event
  datasets: Array<{ direction: "input" | "output"; namespace: string; name: string; artifactId: number | null }>;
  warnings: Warning[];
};
export type EventFailure = { index: number; reason: string; retriable: boolean; code: string; path?: string };
export type BatchResult = {
  status: "success" | "partial_success";
  summary: { received: number; successful: number; failed: number; retriable: number; non_retriable: number };
  failed_events: EventFailure[];
  results: Array<(EventResult & { index: number }) | { index: number; status: "error"; error: { code: string; message: string; path?: string } }>;
};

// POST /api/v1/lineage: one event. Bad input throws (422 with the field path).
export async function ingestEvent(db: Db, raw: unknown, actor: string): Promise<EventResult> {
  const event = parseOpenLineageEvent(raw);
  try {
    return await apply(db, event, actor);
  } catch (err) {
    // Another request created one of the runs between our read and our write: map again on fresh state.
    if (err instanceof ApiError && err.code === "execution_conflict") return apply(db, event, actor);
    throw err;
  }
}

// POST /api/v1/lineage/batch: events in order, each on its own, answered in the spec's summary shape.
// The spec's status enum has no "failure": a batch where every event failed is a partial_success
// with successful = 0 (and each failure listed).
export async function ingestEvents(db: Db, raw: unknown, actor: string): Promise<BatchResult> {
  const events = openLineageBatch.parse(raw);
  const results: BatchResult["results"] = [];
  const failed: EventFailure[] = [];
  for (let index = 0; index < events.length; index++) {
    try {
      results.push({ index, ...(await ingestEvent(db, events[index], actor)) });
    } catch (err) {
      const f = failure(err);
      failed.push({ index, reason: f.message, retriable: f.retriable, code: f.code, ...(f.path ? { path: f.path } : {}) });
      results.push({ index, status: "error", error: { code: f.code, message: f.message, ...(f.path ? { path: f.path } : {}) } });
    }
  }
  const retriable = failed.filter((f) => f.retriable).length;
  return {
    status: failed.length === 0 ? "success" : "partial_success",
    summary: { received: events.length, successful: events.length - failed.length, failed: failed.length, retriable, non_retriable: failed.length - retriable },
    failed_events: failed,
    results,
  };
}

async function apply(db: Db, event: OpenLineageEvent, actor: string): Promise<EventResult> {
  const mapped = toOps(event, await readKnown(db, referencedExecutions(event)));
  const batch = ingestBatchBody.safeParse({ batchId: mapped.batchId, ops: mapped.ops });
  if (!batch.success) {
    const issue = batch.error.issues[0];
    throw unprocessable(
      `the event could not be mapped onto ingest operations (${pathString(issue.path)}: ${issue.message}); please report this together with the event`,
      undefined,
      "unmappable_event",
    );
  }
  const response = await applyBatch(db, batch.data, actor);
  return summarize(event, mapped.execution, mapped.parent, mapped.warnings, response);
}

async function readKnown(db: Db, uuids: string[]): Promise<Known> {
  const rows = await db.execution.findMany({
    where: { uuid: { in: uuids } },
    select: { uuid: true, properties: true, pipeline: { select: { name: true } }, stage: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.uuid, { pipeline: r.pipeline.name, stage: r.stage.name, properties: parseJsonObject(r.properties) }]));
}

// Read from the batch response rather than the ops: a retried event is answered with the stored
// response of its first application, whose ops may have differed (a parent stub, for instance).
// Artifact ops always follow the event's inputs then outputs, so their order is stable.
function summarize(event: OpenLineageEvent, execution: string, parent: string | null, warnings: Warning[], response: IngestBatchResponse): EventResult {
  const main = response.results.find((r) => r.op === "execution.start" && r.execution === execution);
  const artifacts = response.results.filter((r) => r.op === "artifact");
  const listed =
    event.kind === "DatasetEvent"
      ? [{ direction: "input" as const, d: event.dataset }]
      : [...event.inputs.map((d) => ({ direction: "input" as const, d })), ...event.outputs.map((d) => ({ direction: "output" as const, d }))];
  return {
    status: "ok",
    kind: event.kind,
    batchId: response.batchId,
    execution,
    parent,
    created: main?.created === true,
    datasets: listed.map(({ direction, d }, i) => ({
      direction,
      namespace: d.namespace,
      name: d.name,
      artifactId: typeof artifacts[i]?.artifactId === "number" ? (artifacts[i].artifactId as number) : null,
    })),
    warnings,
  };
}

function failure(err: unknown): { code: string; message: string; path?: string; retriable: boolean } {
  if (err instanceof ApiError) return { code: err.code, message: err.message, path: err.path, retriable: err.status >= 500 };
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const path = pathString(issue.path);
    return { code: "invalid", message: path ? `${path}: ${issue.message}` : issue.message, path: path || undefined, retriable: false };
  }
  console.error("[provscope] OpenLineage event failed", err);
  return { code: "internal", message: "internal error; the details are in the server log", retriable: true };
}
