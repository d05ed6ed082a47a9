import "server-only";
import type { Db } from "../db/client";
import { ALIAS_TX, currentAlias, lockModel, moveAlias } from "./alias-write";
import { requireVersion } from "./model-ref";

export type PromoteInput = { model: string; alias: string; version: number; reason: string; actor: string };

// Points `alias` at `version` (creating the alias if needed) and records the change, in one
// transaction. Promoting the version the alias already points at changes nothing and records
// nothing (`change: null`), so a workflow driver can retry or repeat a promote safely.
export async function promote(db: Db, input: PromoteInput) {
  return db.$transaction(async (tx) => {
    const model = await lockModel(tx, input.model);
    const target = await requireVersion(tx, model, input.version);
    const current = await currentAlias(tx, model.id, input.alias);
    if (current?.version === target.version) {
      return {
        model: model.name,
        alias: input.alias,
        version: target.version,
        artifact: target.artifact,
        updatedAt: current.updatedAt.toISOString(),
        change: null,
      };
    }
    return moveAlias(tx, {
      model,
      alias: input.alias,
      from: current?.version ?? null,
      to: target,
      action: "promote",
      reason: input.reason,
      actor: input.actor,
    });
  }, ALIAS_TX);
}
