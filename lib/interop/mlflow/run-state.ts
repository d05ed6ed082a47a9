import "server-only";
import type { Db } from "../../db/client";
import { parseJsonObject } from "../../query/format";
import type { MlflowRunStatus } from "../../schemas/mlflow";
import { doesNotExist } from "./errors";

// MLflow run = Provscope execution, run_id = execution uuid (runs/create picks 32 hex digits, as
// MLflow does). The current state is read before a change because execution.start replaces params
// and properties as a whole: adding one param or tag means sending the merged set.

export type RunState = {
  id: number;
  uuid: string;
  name: string;
  status: string;
  pipeline: string;
  stage: string;
  params: Record<string, unknown>;
  properties: Record<string, unknown>;
};

export async function requireRun(db: Db, runId: string): Promise<RunState> {
  const row = await db.execution.findUnique({
    where: { uuid: runId },
    select: { id: true, uuid: true, name: true, status: true, params: true, properties: true, pipeline: { select: { name: true } }, stage: { select: { name: true } } },
  });
  if (!row) throw doesNotExist(`Run with id=${runId} not found`);
  return {
    ...row,
    pipeline: row.pipeline.name,
    stage: row.stage.name,
    params: parseJsonObject(row.params),
    properties: parseJsonObject(row.properties),
  };
}

// MLflow tags live in the execution's properties under "tags".
export function tagsOf(properties: Record<string, unknown>): Map<string, string> {
  const raw = properties.tags;
  const tags = new Map<string, string>();
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw)) tags.set(k, typeof v === "string" ? v : JSON.stringify(v));
  }
  return tags;
}

// Provscope has RUNNING | COMPLETED | FAILED; KILLED is kept as properties.mlflowStatus so it reads back.
export function executionStatusOf(status: MlflowRunStatus): "COMPLETED" | "FAILED" | null {
  if (status === "FINISHED") return "COMPLETED";
  if (status === "FAILED" || status === "KILLED") return "FAILED";
  return null; // RUNNING, SCHEDULED: an execution is running until it ends
}

export function runStatusOf(status: string, properties: Record<string, unknown>): MlflowRunStatus {
  if (status === "COMPLETED") return "FINISHED";
  if (status === "FAILED") return properties.mlflowStatus === "KILLED" ? "KILLED" : "FAILED";
  return "RUNNING";
}
