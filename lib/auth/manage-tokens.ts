import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";

const publicFields = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listTokens(db: Db) {
  return db.apiToken.findMany({ select: publicFields, orderBy: { id: "asc" } });
}

// Revoking keeps the row (who had access, and when) but the hash stops authenticating.
export async function revokeToken(db: Db, id: number) {
  const row = await db.apiToken.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
  if (!row) throw notFound(`no API token with id ${id}`);
  // A transaction, not a bare write: see createToken.
  return db.$transaction((tx) =>
    tx.apiToken.update({ where: { id }, data: { revokedAt: row.revokedAt ?? new Date() }, select: publicFields }),
  );
}
