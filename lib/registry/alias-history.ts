import "server-only";
import type { Db } from "../db/client";
import { aliasNotFound, requireModel } from "./model-ref";

// Every promote and rollback of an alias, oldest first. The table is append-only, so this is the
// complete audit trail.
export async function aliasHistory(db: Db, name: string, alias: string) {
  const model = await requireModel(db, name);
  const rows = await db.aliasChange.findMany({
    where: { modelId: model.id, alias },
    orderBy: { id: "asc" },
    select: { id: true, fromVersion: true, toVersion: true, action: true, reason: true, actor: true, createdAt: true },
  });
  // No history means the alias was never set: most likely a typo, so say which aliases exist.
  if (rows.length === 0) throw await aliasNotFound(db, model, alias);
  return {
    model: model.name,
    alias,
    changes: rows.map((r) => ({
      id: r.id,
      from: r.fromVersion,
      to: r.toVersion,
      action: r.action,
      reason: r.reason,
      actor: r.actor,
      at: r.createdAt.toISOString(),
    })),
  };
}
