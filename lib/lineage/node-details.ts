import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { nodeId, type ArtifactNode, type ExecutionNode, type NodeRef } from "../schemas/lineage";
import { Params } from "../db/sql";
import { idList, type Kind } from "./graph-queries";

// Looks up the focus node; one that did not exist yet at `asOf` is as unknown as one never logged.
export async function findFocus(db: Db, ref: NodeRef, asOf?: Date): Promise<{ kind: Kind; id: number }> {
  const row =
    ref.kind === "artifact"
      ? await db.artifact.findUnique({ where: { id: ref.id }, select: { id: true, createdAt: true } })
      : await db.execution.findUnique({ where: { uuid: ref.uuid }, select: { id: true, createdAt: true } });
  const id = nodeId(ref);
  if (!row) throw notFound(`no ${ref.kind} '${id}'; use an id returned by the API (e.g. GET /api/v1/executions)`);
  if (asOf && row.createdAt > asOf) {
    throw notFound(
      `'${id}' did not exist yet at asOf=${asOf.toISOString()} (it was created ${row.createdAt.toISOString()}); use a later asOf`,
    );
  }
  return { kind: ref.kind, id: row.id };
}

type Bare<T> = Omit<T, "hidden">;
type Time = string | Date; // SQLite hands raw DATETIME columns back as text, PostgreSQL as Date
const iso = (t: Time) => new Date(t).toISOString();

// Raw SQL for the same reason as graph-queries.ts: these run on every lineage request with
// hundreds of ids, where Prisma's model queries (and relation loading) dominate the latency.
// `asOf` leaves out model versions registered later (time travel).
export async function loadArtifacts(db: Db, ids: number[], asOf?: Date): Promise<Map<number, Bare<ArtifactNode>>> {
  if (ids.length === 0) return new Map();
  const p = new Params();
  const rows = await db.$queryRawUnsafe<
    { id: number | bigint; type: string; name: string; hash: string; uri: string | null; size: number | bigint | null; createdAt: Time }[]
  >(
    `SELECT "id", "type", "name", "hash", "uri", "size", "createdAt" FROM "Artifact" WHERE "id" IN ${idList(p, ids)}`,
    ...p.values,
  );
  const v = new Params();
  const versions = await db.$queryRawUnsafe<{ artifactId: number | bigint; model: string; version: number | bigint }[]>(
    `SELECT mv."artifactId", m."name" AS "model", mv."version" FROM "ModelVersion" mv JOIN "RegisteredModel" m ON m."id" = mv."modelId"
     WHERE mv."artifactId" IN ${idList(v, ids)}${asOf ? ` AND mv."createdAt" <= ${v.bind(asOf)}` : ""} ORDER BY mv."id"`,
    ...v.values,
  );
  const versionsOf = new Map<number, Array<{ model: string; version: number }>>();
  for (const r of versions) {
    const list = versionsOf.get(Number(r.artifactId)) ?? [];
    list.push({ model: r.model, version: Number(r.version) });
    versionsOf.set(Number(r.artifactId), list);
  }
  return new Map(
    rows.map((a) => [
      Number(a.id),
      {
        id: `artifact:${Number(a.id)}`,
        kind: "artifact",
        type: a.type,
        label: a.name,
        artifactId: Number(a.id),
        hash: a.hash,
        uri: a.uri,
        // Sizes are below 2^53 bytes in practice; JSON has no BigInt.
        size: a.size === null ? null : Number(a.size),
        createdAt: iso(a.createdAt),
        modelVersions: versionsOf.get(Number(a.id)) ?? [],
      },
    ]),
  );
}

export async function loadExecutions(db: Db, ids: number[]): Promise<Map<number, Bare<ExecutionNode>>> {
  if (ids.length === 0) return new Map();
  const p = new Params();
  const rows = await db.$queryRawUnsafe<
    { id: number | bigint; uuid: string; name: string; status: string; startedAt: Time; endedAt: Time | null; stage: string; pipeline: string }[]
  >(
    `SELECT x."id", x."uuid", x."name", x."status", x."startedAt", x."endedAt", s."name" AS "stage", p."name" AS "pipeline"
     FROM "Execution" x JOIN "Stage" s ON s."id" = x."stageId" JOIN "Pipeline" p ON p."id" = x."pipelineId"
     WHERE x."id" IN ${idList(p, ids)}`,
    ...p.values,
  );
  return new Map(
    rows.map((e) => [
      Number(e.id),
      {
        id: `execution:${e.uuid}`,
        kind: "execution",
        type: e.stage,
        label: e.name,
        uuid: e.uuid,
        status: e.status,
        pipeline: e.pipeline,
        stage: e.stage,
        startedAt: iso(e.startedAt),
        endedAt: e.endedAt === null ? null : iso(e.endedAt),
      },
    ]),
  );
}
