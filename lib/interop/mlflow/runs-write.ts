import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { applyBatch } from "../../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../../schemas/ingest";
import { name as nameSchema } from "../../schemas/common";
import type { CreateRunBody, LogBatchBody, LogMetricBody, MlflowMetric, UpdateRunBody } from "../../schemas/mlflow";
import { resolveExperiment } from "./experiments";
import { mergeParams, mergeTags, metricOps } from "./run-ops";
import { executionStatusOf, requireRun, tagsOf, type RunState } from "./run-state";
import { getRun } from "./runs-read";

// Every MLflow write becomes one ingest batch through applyBatch: all of a call or none of it.

type Op = IngestBatchInput["ops"][number];
type KeyValue = { key: string; value: string };

export const DEFAULT_STAGE = "mlflow";
const STAGE_TAG = "provscope.stage";

// Requests that are safe to replay (metrics with explicit timestamps, write-once params) get a
// batch id derived from their content: a client retrying after a lost response writes nothing
// twice, as MLflow's SQL store ignores an identical metric row. Everything else gets a fresh id.
function batchId(endpoint: string, body: unknown, replayable: boolean): string {
  if (!replayable) return `mlflow-${randomUUID()}`;
  return `mlflow-${endpoint}-${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 48)}`;
}

async function apply(db: Db, ops: Op[], actor: string, id = batchId("", null, false)) {
  if (ops.length) await applyBatch(db, ingestBatchBody.parse({ batchId: id, ops }), actor);
}

// Re-sends execution.start with what changed; pipeline, stage and start time stay as they are.
function restart(run: RunState, change: { name?: string; params?: Record<string, unknown>; properties?: Record<string, unknown> }): Op {
  return { op: "execution.start", pipeline: run.pipeline, stage: run.stage, execution: run.uuid, name: change.name ?? run.name, ...(change.params ? { params: change.params } : {}), ...(change.properties ? { properties: change.properties } : {}) };
}

// POST runs/create — an execution in the experiment's pipeline, stage "mlflow" unless the run
// carries a provscope.stage tag; mlflow.parentRunId makes it a child of that run's execution.
export async function createRun(db: Db, body: CreateRunBody, actor: string) {
  const experiment = await resolveExperiment(db, body.experiment_id ?? "0");
  const runId = randomUUID().replace(/-/g, "");
  const tags = new Map(body.tags.map((t) => [t.key, t.value]));
  const name = body.run_name ?? tags.get("mlflow.runName") ?? `run-${runId.slice(0, 8)}`;
  tags.set("mlflow.runName", name);
  if (body.user_id && !tags.has("mlflow.user")) tags.set("mlflow.user", body.user_id);
  const stage = nameSchema.safeParse(tags.get(STAGE_TAG)).data ?? DEFAULT_STAGE;
  const parentId = tags.get("mlflow.parentRunId");
  const parent = parentId ? await db.execution.findUnique({ where: { uuid: parentId }, select: { uuid: true } }) : null;
  await apply(db, [{
    op: "execution.start",
    pipeline: experiment.name,
    stage,
    execution: runId,
    name,
    ...(parent ? { parent: parent.uuid } : {}),
    params: {},
    properties: { tags: Object.fromEntries(tags) },
    startedAt: new Date(body.start_time ?? Date.now()).toISOString(),
  }], actor);
  return getRun(db, runId);
}

// POST runs/update — a terminal status ends the execution; a new name renames it.
export async function updateRun(db: Db, body: UpdateRunBody, actor: string) {
  const run = await requireRun(db, body.runId);
  const ops: Op[] = [];
  const tags = tagsOf(run.properties);
  const status = body.status ? executionStatusOf(body.status) : null;
  const renamed = body.run_name !== undefined && body.run_name !== run.name;
  // KILLED is remembered in the properties (Provscope only knows FAILED); any other end clears it.
  const killed = body.status === "KILLED";
  const markChanges = status !== null && killed !== (run.properties.mlflowStatus === "KILLED");
  if (renamed || markChanges) {
    const properties = mergeTags(run.properties, tags, renamed ? [{ key: "mlflow.runName", value: body.run_name! }] : []);
    if (killed) properties.mlflowStatus = "KILLED";
    else if (status) delete properties.mlflowStatus;
    ops.push(restart(run, { name: body.run_name, properties }));
  }
  if (status) {
    ops.push({ op: "execution.end", execution: run.uuid, status, ...(body.end_time !== undefined ? { endedAt: new Date(body.end_time).toISOString() } : {}) });
  }
  await apply(db, ops, actor);
  return { run_info: (await getRun(db, run.uuid)).run.info };
}

// POST runs/log-metric
export async function logMetric(db: Db, body: LogMetricBody, actor: string) {
  const { runId, ...metric } = body;
  await logAll(db, runId, { metrics: [metric], params: [], tags: [] }, actor, batchId("log-metric", body, metric.timestamp !== undefined));
  return {};
}

// POST runs/log-parameter
export async function logParam(db: Db, body: { runId: string } & KeyValue, actor: string) {
  await logAll(db, body.runId, { metrics: [], params: [{ key: body.key, value: body.value }], tags: [] }, actor, batchId("log-parameter", body, true));
  return {};
}

// POST runs/set-tag
export async function setTag(db: Db, body: { runId: string } & KeyValue, actor: string) {
  await logAll(db, body.runId, { metrics: [], params: [], tags: [{ key: body.key, value: body.value }] }, actor);
  return {};
}

// POST runs/log-batch — metrics, params and tags of one run in one all-or-nothing batch.
export async function logBatch(db: Db, body: LogBatchBody, actor: string) {
  const replayable = body.tags.length === 0 && body.metrics.every((m) => m.timestamp !== undefined);
  await logAll(db, body.runId, body, actor, batchId("log-batch", body, replayable));
  return {};
}

async function logAll(db: Db, runId: string, data: { metrics: MlflowMetric[]; params: KeyValue[]; tags: KeyValue[] }, actor: string, id?: string) {
  const run = await requireRun(db, runId);
  const ops: Op[] = [];
  const params = mergeParams(run.uuid, run.params, data.params);
  const current = tagsOf(run.properties);
  const rename = [...data.tags].reverse().find((t) => t.key === "mlflow.runName")?.value;
  if (params || data.tags.length) {
    ops.push(restart(run, {
      name: rename,
      ...(params ? { params } : {}),
      ...(data.tags.length ? { properties: mergeTags(run.properties, current, data.tags) } : {}),
    }));
  }
  if (data.metrics.length) ops.push(...metricOps(run.uuid, data.metrics, await maxSteps(db, run.id, data.metrics)));
  await apply(db, ops, actor, id);
}

async function maxSteps(db: Db, executionId: number, metrics: MlflowMetric[]): Promise<Map<string, number | null>> {
  const keys = [...new Set(metrics.map((m) => m.key))];
  const rows = await db.series.findMany({ where: { executionId, rank: 0, key: { in: keys } }, select: { key: true, maxStep: true } });
  return new Map(rows.map((r) => [r.key, r.maxStep]));
}

