import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import { notFound } from "../http/errors";
import type { BestQuery } from "../schemas/registry";
import { artifactRef, requireModel } from "./model-ref";

type BestRow = { version: number | bigint; value: number };

// The version a workflow driver should deploy: the one whose producing execution has the lowest
// (min) or highest (max) finite value of `metric`. Non-finite values are stored as NULL and never
// win. Ties go to the newer version, the one trained on more data in a continual-learning loop.
export async function bestVersion(db: Db, name: string, query: BestQuery) {
  const model = await requireModel(db, name);
  const order = query.mode === "min" ? "ASC" : "DESC"; // from an enum, never user text
  const p = new Params();
  const rows = await db.$queryRawUnsafe<BestRow[]>(
    `SELECT mv."version" AS "version", m."value" AS "value"
       FROM "ModelVersion" mv
       JOIN "ExecutionMetric" m ON m."executionId" = mv."executionId" AND m."key" = ${p.bind(query.metric)}
      WHERE mv."modelId" = ${p.bind(model.id)} AND m."value" IS NOT NULL
      ORDER BY m."value" ${order}, mv."version" DESC
      LIMIT 1`,
    ...p.values,
  );
  const best = rows[0];
  if (!best) throw await noSuchMetric(db, model, query.metric);

  const version = await db.modelVersion.findUniqueOrThrow({
    where: { modelId_version: { modelId: model.id, version: Number(best.version) } },
    select: {
      version: true,
      artifact: { select: { uri: true, hash: true, size: true } },
      execution: { select: { uuid: true } },
    },
  });
  return {
    model: model.name,
    version: version.version,
    metric: query.metric,
    value: best.value,
    mode: query.mode,
    artifact: artifactRef(version.artifact),
    execution: version.execution,
  };
}

async function noSuchMetric(db: Db, model: { id: number; name: string }, metric: string) {
  const rows = await db.executionMetric.findMany({
    where: { value: { not: null }, execution: { versions: { some: { modelId: model.id } } } },
    distinct: ["key"],
    orderBy: { key: "asc" },
    select: { key: true },
  });
  const known = rows.length
    ? `metrics with finite values for its versions: ${rows.map((r) => r.key).join(", ")}`
    : "none of its versions has a producing execution with finite metrics";
  return notFound(`no version of model '${model.name}' has a finite value for metric '${metric}' (${known})`);
}
