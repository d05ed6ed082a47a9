import "server-only";
import type { Db } from "../db/client";

// Where to start exploring lineage when no node is chosen yet: the latest model versions, the
// latest datasets and the latest executions, newest first. No search needed.

export type StartPoints = {
  models: Array<{ model: string; version: number; artifactId: number; createdAt: Date }>;
  datasets: Array<{ id: number; name: string; type: string; createdAt: Date }>;
  executions: Array<{ uuid: string; name: string; status: string; pipeline: string; stage: string; startedAt: Date }>;
};

export async function startPoints(db: Db, limit = 10): Promise<StartPoints> {
  const [versions, datasets, executions] = await Promise.all([
    db.modelVersion.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { version: true, artifactId: true, createdAt: true, model: { select: { name: true } } },
    }),
    db.artifact.findMany({
      where: { type: "dataset" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, name: true, type: true, createdAt: true },
    }),
    db.execution.findMany({
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { uuid: true, name: true, status: true, startedAt: true, pipeline: { select: { name: true } }, stage: { select: { name: true } } },
    }),
  ]);
  return {
    models: versions.map((v) => ({ model: v.model.name, version: v.version, artifactId: v.artifactId, createdAt: v.createdAt })),
    datasets,
    executions: executions.map((e) => ({
      uuid: e.uuid, name: e.name, status: e.status, startedAt: e.startedAt, pipeline: e.pipeline.name, stage: e.stage.name,
    })),
  };
}
