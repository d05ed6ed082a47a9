import "server-only";
import type { Db } from "../../db/client";
import type { CreateExperimentBody } from "../../schemas/mlflow";
import { alreadyExists, doesNotExist } from "./errors";

// MLflow experiment = Provscope pipeline. The experiment id is the pipeline's numeric id as text;
// MLflow's implicit experiment "0" ("Default") is the pipeline named "Default", which exists as
// soon as a run is logged to it. Experiment tags and artifact locations are not stored (a pipeline
// has no properties column), so every experiment reports none.

export const DEFAULT_EXPERIMENT_NAME = "Default";
type PipelineRow = { id: number; name: string; createdAt: Date };
const pipelineFields = { id: true, name: true, createdAt: true } as const;

export const experimentIdOf = (p: { id: number; name: string }) => (p.name === DEFAULT_EXPERIMENT_NAME ? "0" : String(p.id));

// The pipeline name runs of experiment `id` are logged to, and the pipeline if it exists yet.
export async function resolveExperiment(db: Db, id: string): Promise<{ name: string; pipeline: PipelineRow | null }> {
  if (id === "0") {
    const pipeline = await db.pipeline.findUnique({ where: { name: DEFAULT_EXPERIMENT_NAME }, select: pipelineFields });
    return { name: DEFAULT_EXPERIMENT_NAME, pipeline };
  }
  const pipeline = /^\d{1,15}$/.test(id) ? await db.pipeline.findUnique({ where: { id: Number(id) }, select: pipelineFields }) : null;
  if (!pipeline) throw doesNotExist(`No Experiment with id=${id} exists (experiments/get-by-name finds an experiment's id)`);
  return { name: pipeline.name, pipeline };
}

export function experimentJson(name: string, pipeline: PipelineRow | null) {
  const id = pipeline ? experimentIdOf(pipeline) : "0";
  const time = (pipeline?.createdAt ?? new Date(0)).getTime();
  return {
    experiment_id: id,
    name,
    artifact_location: `provscope:/experiments/${id}`,
    lifecycle_stage: "active",
    creation_time: time,
    last_update_time: time,
    tags: [] as Array<{ key: string; value: string }>,
  };
}

export async function getExperiment(db: Db, id: string) {
  const { name, pipeline } = await resolveExperiment(db, id);
  return { experiment: experimentJson(name, pipeline) };
}

export async function getExperimentByName(db: Db, name: string) {
  const pipeline = await db.pipeline.findUnique({ where: { name }, select: pipelineFields });
  if (!pipeline && name !== DEFAULT_EXPERIMENT_NAME) {
    throw doesNotExist(`Could not find experiment with name '${name}' (experiments/create makes one)`);
  }
  return { experiment: experimentJson(name, pipeline) };
}

// An experiment is an empty pipeline until its first run. There is no ingest op for a pipeline
// without an execution, so this is the one row the MLflow API writes outside applyBatch; the
// execution.start of every run then finds it by name, exactly as if it had created it.
export async function createExperiment(db: Db, body: CreateExperimentBody) {
  const exists = () => alreadyExists(`Experiment(name=${body.name}) already exists.`);
  if (body.name === DEFAULT_EXPERIMENT_NAME) throw exists();
  if (await db.pipeline.findUnique({ where: { name: body.name }, select: { id: true } })) throw exists();
  try {
    // A transaction, not a bare write: see createToken in lib/auth/tokens.ts.
    const pipeline = await db.$transaction((tx) => tx.pipeline.create({ data: { name: body.name }, select: { id: true, name: true } }));
    return { experiment_id: experimentIdOf(pipeline) };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw exists(); // a concurrent create won
    throw err;
  }
}
