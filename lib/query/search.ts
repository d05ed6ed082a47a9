import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import type { SearchQuery } from "../schemas/explore";
import { artifactTextSql, containsSql, hashRanges, prefixRange, rangesSql } from "./text-match";

// GET /api/v1/search: the header's type-ahead. Every kind is bounded by `limit` and answered by an
// index seek (uuid and hash prefixes) or a LIKE scan in index order that stops at `limit` hits.

const VERSION_REF = /^(.+?)\s*(?:\bv|:|@|#)\s*(\d{1,9})$/i; // "EKE-ResNet v3", "EKE-ResNet:3"

// Ids of one table's matching rows, in the given order: `where` builds the condition over alias t.
async function ids(db: Db, table: string, where: (bind: Params["bind"]) => string, order: string, limit: number): Promise<number[]> {
  const p = new Params();
  const rows = await db.$queryRawUnsafe<Array<{ id: number | bigint }>>(
    `SELECT t."id" AS id FROM "${table}" t WHERE ${where(p.bind)} ORDER BY ${order} LIMIT ${p.bind(limit)}`,
    ...p.values,
  );
  return rows.map((r) => Number(r.id));
}

const inOrder = <T extends { id: number }>(order: number[], rows: T[]) => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.flatMap((id) => byId.get(id) ?? []);
};

export async function search(db: Db, q: SearchQuery) {
  const text = q.q;
  const take = q.limit;
  const hashes = hashRanges(text);
  const name = (bind: Params["bind"]) => containsSql(`t."name"`, text, bind);
  const [pipelineIds, stageIds, executionIds, artifactIds, modelIds] = await Promise.all([
    ids(db, "Pipeline", name, `t."name"`, take),
    ids(db, "Stage", name, `t."name", t."id"`, take),
    ids(db, "Execution", (bind) => [...rangesSql(`t."uuid"`, [prefixRange(text)], bind), name(bind)].join(" OR "), `t."startedAt" DESC`, take),
    ids(db, "Artifact", (bind) => artifactTextSql("t", text, bind), `t."createdAt" DESC, t."id" DESC`, take),
    ids(db, "RegisteredModel", name, `t."name"`, take),
  ]);
  const [pipelines, stages, executions, artifacts, models, versions] = await Promise.all([
    db.pipeline.findMany({ where: { id: { in: pipelineIds } }, select: { id: true, name: true, _count: { select: { executions: true } } } }),
    db.stage.findMany({
      where: { id: { in: stageIds } },
      select: { id: true, name: true, pipeline: { select: { name: true } }, _count: { select: { executions: true } } },
    }),
    db.execution.findMany({
      where: { id: { in: executionIds } },
      select: { id: true, uuid: true, name: true, status: true, startedAt: true, pipeline: { select: { name: true } }, stage: { select: { name: true } } },
    }),
    db.artifact.findMany({ where: { id: { in: artifactIds } }, select: { id: true, type: true, name: true, uri: true, hash: true, createdAt: true } }),
    db.registeredModel.findMany({
      where: { id: { in: modelIds } },
      select: { id: true, name: true, _count: { select: { versions: true } }, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
    }),
    modelVersions(db, text, hashes, take),
  ]);

  const isHash = (hash: string) => hashes.some((r) => hash >= r.gte && hash < r.lt);
  return {
    q: text,
    pipelines: inOrder(pipelineIds, pipelines).map((p) => ({ name: p.name, executions: p._count.executions })),
    stages: inOrder(stageIds, stages).map((s) => ({ pipeline: s.pipeline.name, name: s.name, executions: s._count.executions })),
    executions: inOrder(executionIds, executions).map((e) => ({
      uuid: e.uuid, name: e.name, status: e.status, startedAt: e.startedAt, pipeline: e.pipeline.name, stage: e.stage.name,
    })),
    // `match` says why, so a result can show the hash when that is what was typed.
    artifacts: inOrder(artifactIds, artifacts).map((a) => ({
      ...a,
      match: isHash(a.hash) ? ("hash" as const) : a.name.toLowerCase().includes(text.toLowerCase()) ? ("name" as const) : ("uri" as const),
    })),
    models: inOrder(modelIds, models).map((m) => ({ name: m.name, versions: m._count.versions, latestVersion: m.versions[0]?.version ?? null })),
    versions,
  };
}

// Model versions by "name vN" or by the hash prefix of their artifact.
async function modelVersions(db: Db, text: string, hashes: Array<{ gte: string; lt: string }>, take: number) {
  const ref = VERSION_REF.exec(text);
  const models = ref ? await ids(db, "RegisteredModel", (bind) => containsSql(`t."name"`, ref[1], bind), `t."name"`, 50) : [];
  const or = [
    ...(ref && models.length ? [{ version: Number(ref[2]), modelId: { in: models } }] : []),
    ...hashes.map((hash) => ({ artifact: { hash } })),
  ];
  if (or.length === 0) return [];
  const rows = await db.modelVersion.findMany({
    where: { OR: or },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      version: true, createdAt: true,
      model: { select: { name: true } },
      artifact: { select: { id: true, hash: true } },
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
    },
  });
  return rows.map((v) => ({
    model: v.model.name, version: v.version, createdAt: v.createdAt, artifactId: v.artifact.id, hash: v.artifact.hash,
    aliases: v.aliases.map((a) => a.alias),
  }));
}
