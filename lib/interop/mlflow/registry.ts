import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { ApiError } from "../../http/errors";
import { applyBatch } from "../../ingest/apply-batch";
import { createModel } from "../../registry/create-model";
import { promote } from "../../registry/promote";
import { removeAlias } from "../../registry/remove-alias";
import { ingestBatchBody } from "../../schemas/ingest";
import type { CreateModelVersionBody } from "../../schemas/mlflow";
import { alreadyExists, invalidParameter } from "./errors";
import { getRegisteredModel, modelVersionJson, requireModelRow } from "./registry-read";
import { requireRun } from "./run-state";

// Registry writes: versions through the ingest ops (a model artifact output by the run, then
// model.version), alias moves through lib/registry, recorded in the alias history.

const REASON = "set via MLflow API";

// POST registered-models/create
export async function createRegisteredModel(db: Db, name: string) {
  try {
    await createModel(db, name);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) throw alreadyExists(`Registered Model (name=${name}) already exists.`);
    throw err;
  }
  return getRegisteredModel(db, name);
}

// The model artifact's identity: the source as logged by that run. The same path written by two
// runs (an overwritten s3://…/model) is two different models; the same call retried is one.
export const modelHash = (runId: string, source: string) => `mlflow:${createHash("sha256").update(`${runId}\n${source}`).digest("hex")}`;

// POST model-versions/create — `run_id` is required here: it is the model's provenance.
export async function createModelVersion(db: Db, body: CreateModelVersionBody, actor: string) {
  const model = await requireModelRow(db, body.name);
  if (!body.run_id) throw invalidParameter("run_id is required: Provscope records which run produced each model version");
  const run = await requireRun(db, body.run_id);
  const hash = modelHash(run.uuid, body.source);
  const properties = {
    source: body.source,
    ...(body.description ? { description: body.description } : {}),
    ...(body.run_link ? { run_link: body.run_link } : {}),
    ...(body.tags?.length ? { tags: Object.fromEntries(body.tags.map((t) => [t.key, t.value])) } : {}),
  };
  const result = await applyBatch(
    db,
    ingestBatchBody.parse({
      batchId: `mlflow-${randomUUID()}`,
      ops: [
        { op: "artifact", execution: run.uuid, direction: "output", type: "model", name: model.name, uri: body.source, hash, properties },
        { op: "model.version", model: model.name, hash, execution: run.uuid },
      ],
    }),
    actor,
  );
  const version = Number(result.results[1].version);
  return { model_version: await modelVersionJson(db, model, version) };
}

// POST registered-models/alias — a promote, with its entry in the alias history.
export async function setAlias(db: Db, input: { name: string; alias: string; version: number }, actor: string) {
  await promote(db, { model: input.name, alias: input.alias, version: input.version, reason: REASON, actor });
  return {};
}

// DELETE registered-models/alias — removing an unset alias is a no-op, as in MLflow.
export async function deleteAlias(db: Db, input: { name: string; alias: string }, actor: string) {
  await requireModelRow(db, input.name);
  await removeAlias(db, { model: input.name, alias: input.alias, reason: "removed via MLflow API", actor });
  return {};
}
