import "server-only";
import type { Db } from "../db/client";
import { unprocessable } from "../http/errors";
import { previousVersion, replayAliasStack } from "./alias-stack";
import { ALIAS_TX, currentAlias, lockModel, moveAlias } from "./alias-write";
import { aliasNotFound, requireVersion } from "./model-ref";

export type RollbackInput = { model: string; alias: string; reason: string; actor: string; version?: number };

// Moves `alias` back to the version it pointed at before (see alias-stack.ts), or to the version
// given, and records the change; reading the history and writing happen in one transaction.
export async function rollback(db: Db, input: RollbackInput) {
  return db.$transaction(async (tx) => {
    const model = await lockModel(tx, input.model);
    const current = await currentAlias(tx, model.id, input.alias);
    if (!current) throw await aliasNotFound(tx, model, input.alias);

    let targetVersion = input.version;
    if (targetVersion === undefined) {
      const changes = await tx.aliasChange.findMany({
        where: { modelId: model.id, alias: input.alias },
        orderBy: { id: "asc" },
        select: { action: true, toVersion: true },
      });
      const stack = replayAliasStack(changes);
      // The alias row is the truth; the history can only lag it if rows were written by hand.
      if (stack[stack.length - 1] !== current.version) stack.push(current.version);
      const previous = previousVersion(stack);
      if (previous === null) {
        throw unprocessable(
          `alias '${input.alias}' of model '${model.name}' has no previous version to roll back to (it points at version ${current.version}); promote another version instead, or pass "version"`,
          undefined,
          "no_previous_version",
        );
      }
      targetVersion = previous;
    }

    const target = await requireVersion(tx, model, targetVersion);
    if (target.version === current.version) {
      throw unprocessable(
        `alias '${input.alias}' of model '${model.name}' already points at version ${current.version}; give another version to roll back to`,
        "version",
        "already_current",
      );
    }
    return moveAlias(tx, {
      model,
      alias: input.alias,
      from: current.version,
      to: target,
      action: "rollback",
      reason: input.reason,
      actor: input.actor,
    });
  }, ALIAS_TX);
}
