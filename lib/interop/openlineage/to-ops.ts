import { unprocessable } from "../../http/errors";
import { MAX_OPS, type IngestBatchInput } from "../../schemas/ingest";
import { facetWarnings, MAX_WARNINGS, type Warning } from "./facet-checks";
import { datasetArtifact, datasetEventExecution, DATASET_EVENTS_PIPELINE, fitName, jobEventExecution } from "./names";
import { artifactProperties, executionProperties } from "./properties";
import { isObject, runId, type DatasetEvent, type JobEvent, type OlDataset, type OpenLineageEvent, type RunEvent } from "./schema";

// The one OpenLineage → Provscope mapping, pure: an event (plus what the store already knows about
// the executions it names) becomes ingest ops for applyBatch, under a batch id derived from the
// event's content so a retried event writes nothing.
//
//   job namespace → pipeline · job name → stage · run.runId → execution uuid (and name = job name)
//   START/RUNNING/OTHER/no eventType → execution.start (status stays as it is; new runs are RUNNING)
//   COMPLETE → + execution.end COMPLETED · FAIL, ABORT → + execution.end FAILED (eventType kept)
//   parent facet → execution.start `parent`; an unknown parent run is first started from the facet
//   inputs/outputs → artifact ops, type "dataset", name "namespace/name", hash from namespace + name
//     (+ the `version` facet's datasetVersion), uri when the namespace is a URI
//   every facet → properties.openlineage (properties.ts); deep facets as JSON text (facets.ts)
//   JobEvent → a per-job execution (uuid ol-job:…) linking the declared datasets, ended COMPLETED
//   DatasetEvent → a per-dataset execution (uuid ol-dataset:…) in pipeline "openlineage-datasets"
//     that has the dataset as input: it observed the dataset and never claims to have produced it

type Op = IngestBatchInput["ops"][number];
export type KnownExecution = { pipeline: string; stage: string; properties: Record<string, unknown> };
export type Known = ReadonlyMap<string, KnownExecution>;
export type MappedEvent = {
  kind: OpenLineageEvent["kind"];
  batchId: string;
  execution: string;
  parent: string | null;
  ops: Op[];
  mainOp: number; // index of the execution.start of `execution`
  warnings: Warning[];
};
type Parent = { runId: string; namespace?: string; name?: string };

const STATUS: Partial<Record<NonNullable<RunEvent["eventType"]>, "COMPLETED" | "FAILED">> = { COMPLETE: "COMPLETED", FAIL: "FAILED", ABORT: "FAILED" };

// The executions whose stored pipeline, stage and properties the mapping of `event` depends on.
export function referencedExecutions(event: OpenLineageEvent): string[] {
  if (event.kind === "JobEvent") return [jobEventExecution(event.job.namespace, event.job.name)];
  if (event.kind === "DatasetEvent") return [datasetEventExecution(event.dataset.namespace, event.dataset.name)];
  const parent = parentOf(event, []);
  return parent ? [event.run.runId, parent.runId] : [event.run.runId];
}

export function toOps(event: OpenLineageEvent, known: Known = new Map()): MappedEvent {
  const warnings = facetWarnings(event);
  const mapped =
    event.kind === "RunEvent" ? runEvent(event, known, warnings) : event.kind === "JobEvent" ? jobEvent(event, known) : datasetEvent(event, known);
  if (mapped.ops.length > MAX_OPS) {
    throw unprocessable(`an event may list at most ${MAX_OPS - 3} input and output datasets; this one lists ${mapped.ops.length - 3}`, "inputs", "too_many_datasets");
  }
  return { kind: event.kind, batchId: event.batchId, parent: null, ...mapped, warnings: warnings.slice(0, MAX_WARNINGS) };
}

function runEvent(e: RunEvent, known: Known, warnings: Warning[]) {
  const id = e.run.runId;
  const existing = known.get(id);
  let parent = parentOf(e, warnings);
  const ops: Op[] = [];
  if (parent && !known.has(parent.runId)) {
    if (parent.name === undefined) {
      warnings.push({ path: "run.facets.parent.job", message: `names no job for the unknown parent run ${parent.runId}, so it cannot be placed; the run is stored without a parent` });
      parent = null;
    } else ops.push(parentStub(parent, e));
  }

  const pipeline = fitName(e.job.namespace);
  const stage = fitName(e.job.name);
  if (existing && (existing.pipeline !== pipeline || existing.stage !== stage)) {
    warnings.push({
      path: "job",
      message: `run ${id} was first recorded as job ${existing.pipeline} / ${existing.stage} (e.g. from another run's parent facet); it stays there and this event's job is kept in properties.openlineage.job`,
    });
  }
  const mainOp = ops.length;
  ops.push({
    op: "execution.start",
    pipeline: existing?.pipeline ?? pipeline,
    stage: existing?.stage ?? stage,
    execution: id,
    ...(parent ? { parent: parent.runId } : {}),
    name: stage,
    properties: executionProperties(e, existing?.properties),
    // A START that arrives after COMPLETE still knows when the run began; other events only date new runs.
    ...(!existing || e.eventType === "START" ? { startedAt: e.eventTime } : {}),
  });
  ops.push(...datasetOps(id, e.inputs, "input"), ...datasetOps(id, e.outputs, "output"));
  const status = e.eventType ? STATUS[e.eventType] : undefined;
  if (status) ops.push({ op: "execution.end", execution: id, status, endedAt: e.eventTime });
  return { execution: id, parent: parent?.runId ?? null, ops, mainOp };
}

// The parent facet as a link; a facet that cannot serve as one is kept in the properties only.
function parentOf(e: RunEvent, warnings: Warning[]): Parent | null {
  const facet = e.run.facets?.parent;
  if (facet === undefined) return null;
  const skip = (message: string) => {
    if (!warnings.some((w) => w.path.startsWith("run.facets.parent"))) warnings.push({ path: "run.facets.parent", message });
    return null;
  };
  const run = isObject(facet) && isObject(facet.run) ? facet.run : {};
  const job = isObject(facet) && isObject(facet.job) ? facet.job : {};
  const id = runId.safeParse(run.runId);
  if (!id.success) return skip("has no usable run.runId; the run is stored without a parent and the facet is kept");
  if (id.data === e.run.runId) return skip("names the run itself as its parent; the link is ignored and the facet is kept");
  const namespace = typeof job.namespace === "string" && job.namespace !== "" ? job.namespace : undefined;
  const name = typeof job.name === "string" && job.name !== "" ? job.name : undefined;
  return { runId: id.data, namespace, name };
}

// Parent runs often report nothing themselves (an Airflow DAG run, a Spark application): the facet
// names their job, which is enough to place them. Their own events later fill in the rest.
function parentStub(parent: Parent, child: RunEvent): Op {
  const namespace = parent.namespace ?? child.job.namespace;
  const name = parent.name ?? child.job.name;
  return {
    op: "execution.start",
    pipeline: fitName(namespace),
    stage: fitName(name),
    execution: parent.runId,
    name: fitName(name),
    startedAt: child.eventTime,
    properties: { openlineage: { kind: "RunEvent", stub: true, job: { namespace, name }, note: `known only from the parent facet of run ${child.run.runId}` } },
  };
}

function datasetVersion(d: OlDataset): string | undefined {
  const v = d.facets?.version;
  return isObject(v) && typeof v.datasetVersion === "string" && v.datasetVersion !== "" ? v.datasetVersion : undefined;
}

function datasetOps(execution: string, list: OlDataset[], direction: "input" | "output"): Op[] {
  return list.map((d) => {
    const version = datasetVersion(d);
    const { name, hash, uri } = datasetArtifact(d.namespace, d.name, version);
    return { op: "artifact", execution, direction, type: "dataset", name, hash, ...(uri ? { uri } : {}), properties: artifactProperties(d, version) };
  });
}

function jobEvent(e: JobEvent, known: Known) {
  const id = jobEventExecution(e.job.namespace, e.job.name);
  const existing = known.get(id);
  const ops: Op[] = [
    {
      op: "execution.start",
      pipeline: existing?.pipeline ?? fitName(e.job.namespace),
      stage: existing?.stage ?? fitName(e.job.name),
      execution: id,
      name: fitName(e.job.name),
      properties: executionProperties(e, existing?.properties),
      ...(!existing ? { startedAt: e.eventTime } : {}),
    },
    ...datasetOps(id, e.inputs, "input"),
    ...datasetOps(id, e.outputs, "output"),
    { op: "execution.end", execution: id, status: "COMPLETED", endedAt: e.eventTime },
  ];
  return { execution: id, ops, mainOp: 0 };
}

function datasetEvent(e: DatasetEvent, known: Known) {
  const { namespace, name } = e.dataset;
  const id = datasetEventExecution(namespace, name);
  const existing = known.get(id);
  const ops: Op[] = [
    {
      op: "execution.start",
      pipeline: existing?.pipeline ?? DATASET_EVENTS_PIPELINE,
      stage: existing?.stage ?? fitName(namespace),
      execution: id,
      name: datasetArtifact(namespace, name).name,
      properties: executionProperties(e, existing?.properties),
      ...(!existing ? { startedAt: e.eventTime } : {}),
    },
    ...datasetOps(id, [e.dataset], "input"),
    { op: "execution.end", execution: id, status: "COMPLETED", endedAt: e.eventTime },
  ];
  return { execution: id, ops, mainOp: 0 };
}
