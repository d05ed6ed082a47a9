import "server-only";
import type { Db } from "../db/client";
import { aliasNotFound, artifactRef, requireModel } from "./model-ref";

// The version an alias points at now, with what a driver needs to fetch and verify it.
export async function getAlias(db: Db, name: string, alias: string) {
  const model = await requireModel(db, name);
  const row = await db.modelAlias.findUnique({
    where: { modelId_alias: { modelId: model.id, alias } },
    select: {
      updatedAt: true,
      version: { select: { version: true, artifact: { select: { uri: true, hash: true, size: true } } } },
    },
  });
  if (!row) throw await aliasNotFound(db, model, alias);
  return {
    model: model.name,
    alias,
    version: row.version.version,
    artifact: artifactRef(row.version.artifact),
    updatedAt: row.updatedAt.toISOString(),
  };
}
