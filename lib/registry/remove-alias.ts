import "server-only";
import type { Db } from "../db/client";
import { ALIAS_TX, currentAlias, lockModel } from "./alias-write";

export type RemoveAliasInput = { model: string; alias: string; reason: string; actor: string };

// Unsets an alias (MLflow's delete-alias) and appends an AliasChange with `toVersion: null`, in one
// transaction, so the history still says who removed it and why; replaying the history restarts
// after a removal (alias-stack.ts). Removing an alias that is not set changes and records nothing
// (`change: null`), like promoting the current version: a retried delete is safe.
export async function removeAlias(db: Db, input: RemoveAliasInput) {
  return db.$transaction(async (tx) => {
    const model = await lockModel(tx, input.model);
    const current = await currentAlias(tx, model.id, input.alias);
    if (!current) return { model: model.name, alias: input.alias, removed: null, change: null };
    await tx.modelAlias.delete({ where: { modelId_alias: { modelId: model.id, alias: input.alias } }, select: { id: true } });
    const change = await tx.aliasChange.create({
      data: {
        modelId: model.id,
        alias: input.alias,
        fromVersion: current.version,
        toVersion: null,
        action: "remove",
        reason: input.reason,
        actor: input.actor,
      },
      select: { id: true, createdAt: true },
    });
    return {
      model: model.name,
      alias: input.alias,
      removed: current.version,
      change: {
        id: change.id,
        from: current.version,
        to: null,
        action: "remove" as const,
        reason: input.reason,
        actor: input.actor,
        at: change.createdAt.toISOString(),
      },
    };
  }, ALIAS_TX);
}
