import "server-only";
import type { Db, Tx } from "../db/client";
import { notFound } from "../http/errors";

// Lookups shared by the registry operations; each turns a missing row into a 404 that says what
// exists instead, so a caller with a typo can fix the request.

type Client = Db | Tx;

export async function requireModel(db: Client, name: string): Promise<{ id: number; name: string }> {
  const model = await db.registeredModel.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!model) {
    throw notFound(`unknown model '${name}': register a version with a model.version op first (GET /api/v1/models lists models)`);
  }
  return model;
}

export type VersionRef = {
  id: number;
  version: number;
  artifact: { uri: string | null; hash: string; size: number | null };
};

export async function requireVersion(db: Client, model: { id: number; name: string }, version: number): Promise<VersionRef> {
  const row = await db.modelVersion.findUnique({
    where: { modelId_version: { modelId: model.id, version } },
    select: { id: true, version: true, artifact: { select: { uri: true, hash: true, size: true } } },
  });
  if (!row) {
    const latest = await db.modelVersion.findFirst({
      where: { modelId: model.id },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    throw notFound(
      `model '${model.name}' has no version ${version}; its versions are 1..${latest?.version ?? 0}`,
    );
  }
  return { id: row.id, version: row.version, artifact: artifactRef(row.artifact) };
}

// Sizes are BigInt in the database, which JSON cannot carry; model files fit a double exactly.
export function artifactRef(a: { uri: string | null; hash: string; size: bigint | null }) {
  return { uri: a.uri, hash: a.hash, size: a.size === null ? null : Number(a.size) };
}

export async function aliasNotFound(db: Client, model: { id: number; name: string }, alias: string) {
  const rows = await db.modelAlias.findMany({ where: { modelId: model.id }, select: { alias: true }, orderBy: { alias: "asc" } });
  const known = rows.length ? `its aliases are ${rows.map((r) => `'${r.alias}'`).join(", ")}` : "it has no aliases yet";
  return notFound(
    `alias '${alias}' of model '${model.name}' is not set (${known}); set it with POST /api/v1/models/{name}/aliases/${alias} {"version": n, "reason": "…"}`,
  );
}
