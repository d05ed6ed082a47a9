import { ARTIFACT_TYPES, type IngestBatchInput } from "../../schemas/ingest";
import type { CmfArtifact, CmfExecution, CmfPipeline } from "../../schemas/cmf";
import { finiteNumber, numberIfUnambiguous } from "../numeric-string";
import { CmfError } from "./errors";

// Maps one CMF pipeline (as cmf's dumptojson writes it) onto Provscope's ingest ops, one group
// per execution so the caller can skip executions the server already has, as CMF's server does.

type Op = IngestBatchInput["ops"][number];
type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export type CmfExecutionPlan = {
  uuids: string[]; // CMF joins the uuids of a reused execution with commas; the first is its identity
  reusable: boolean; // a named execution: CMF merges it on every push
  ops: Op[];
};

// MLMD event types: DECLARED_OUTPUT 1, DECLARED_INPUT 2, INPUT 3, OUTPUT 4, INTERNAL_INPUT 5,
// INTERNAL_OUTPUT 6, PENDING_OUTPUT 7.
const INPUT_EVENTS = new Set([2, 3, 5]);
const OUTPUT_EVENTS = new Set([1, 4, 6, 7]);

// Dataslice and Label are data a stage reads, so they join the dataset lineage; `cmf_type` keeps
// the distinction. Metrics values also become the execution's metrics (see below).
const TYPES: Record<string, ArtifactType> = {
  Dataset: "dataset",
  Dataslice: "dataset",
  Label: "dataset",
  Model: "model",
  Metrics: "metrics",
  Step_Metrics: "step_metrics",
  Environment: "environment",
};

export function planPipeline(pipeline: CmfPipeline): CmfExecutionPlan[] {
  const plans: CmfExecutionPlan[] = [];
  for (const stage of pipeline.stages) {
    const stageName = stripPrefix(stage.name, `${pipeline.name}/`);
    for (const execution of stage.executions) plans.push(planExecution(pipeline.name, stageName, execution));
  }
  return plans;
}

function planExecution(pipeline: string, stage: string, e: CmfExecution): CmfExecutionPlan {
  const uuids = String(e.properties.Execution_uuid ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (uuids.length === 0) {
    // What CMF's server answers when a client predates Execution_uuid.
    throw new CmfError("version_update", "version_update", `execution ${e.id ?? "?"} of stage '${stage}' has no Execution_uuid property; update cmf (pip install -U cmflib) and push again.`);
  }
  const execution = uuids[0];
  const { Python_Env: pythonEnv, ...custom } = e.custom_properties;
  const ops: Op[] = [
    {
      op: "execution.start",
      pipeline,
      stage,
      execution,
      ...(e.name ? { name: e.name } : {}),
      params: Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, numberIfUnambiguous(v)])),
      properties: executionProperties(e, uuids, pythonEnv),
      ...(e.create_time_since_epoch !== undefined ? { startedAt: new Date(e.create_time_since_epoch).toISOString() } : {}),
    },
  ];
  const metrics: Record<string, number> = {};
  for (const event of e.events) {
    const direction = INPUT_EVENTS.has(event.type) ? "input" : OUTPUT_EVENTS.has(event.type) ? "output" : null;
    if (!direction) continue; // not a data dependency
    ops.push(artifactOp(execution, direction, event.artifact));
    // CMF has no per-execution metrics table: log_execution_metrics writes a Metrics artifact
    // whose custom properties are the values.
    if (event.artifact.type === "Metrics" && direction === "output") {
      for (const [k, v] of Object.entries(event.artifact.custom_properties)) {
        const n = finiteNumber(v);
        if (n !== null) metrics[k] = n;
      }
    }
  }
  if (Object.keys(metrics).length) ops.push({ op: "metrics", execution, values: metrics });
  // CMF records executions after they ran and has no notion of failure.
  const end = e.last_update_time_since_epoch ?? e.create_time_since_epoch;
  ops.push({ op: "execution.end", execution, status: "COMPLETED", ...(end !== undefined ? { endedAt: new Date(end).toISOString() } : {}) });
  return { uuids, reusable: e.name !== "", ops };
}

function executionProperties(e: CmfExecution, uuids: string[], pythonEnv: unknown): Record<string, unknown> {
  const p = e.properties;
  const git = compact({ repo: p.Git_Repo, startCommit: p.Git_Start_Commit, endCommit: p.Git_End_Commit });
  return compact({
    command: p.Execution,
    git: Object.keys(git).length ? git : undefined,
    pythonEnv,
    cmf: compact({ type: e.type, id: e.id, uuids: uuids.length > 1 ? uuids : undefined, properties: p }),
  });
}

function artifactOp(execution: string, direction: "input" | "output", a: CmfArtifact): Op {
  const identity = a.uri || stringOrUndefined(a.properties.Commit) || a.name;
  const url = stringOrUndefined(a.properties.url);
  return {
    op: "artifact",
    execution,
    direction,
    type: TYPES[a.type] ?? "other",
    name: artifactName(a.name, a.uri),
    hash: /^[0-9a-f]{32}$/i.test(identity) ? `md5:${identity.toLowerCase()}` : `cmf:${identity}`,
    ...(url ? { uri: url } : {}),
    properties: { ...a.properties, ...a.custom_properties, cmf_type: a.type, cmf_name: a.name },
  };
}

// CMF names artifacts "<path>:<hash>" with optional ":<execution id>:<uuid>" suffixes
// ("artifacts/model/model.pkl:bf79…:3"); the path is the name, the hash its identity.
export function artifactName(name: string, uri: string | undefined): string {
  if (uri) {
    const at = name.indexOf(`:${uri}`);
    if (at > 0) return name.slice(0, at);
  }
  const m = /^(.+?):[0-9a-f]{32}(:.*)?$/i.exec(name);
  return m ? m[1] : name;
}

function stripPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) && s.length > prefix.length ? s.slice(prefix.length) : s;
}

const stringOrUndefined = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}
