import "server-only";
import type { Tx } from "../db/client";
import { Params } from "../db/sql";
import { requireModel, type VersionRef } from "./model-ref";

// Building blocks of promote and rollback; both run them inside one transaction.

// Takes the write lock for this model before anything is read. SQLite then queues other writers
// (even from other processes) until we commit, and PostgreSQL locks the model's row, so two
// concurrent promotes of the same alias can never both read the same "current" version.
export async function lockModel(tx: Tx, name: string): Promise<{ id: number; name: string }> {
  const p = new Params();
  await tx.$executeRawUnsafe(`UPDATE "RegisteredModel" SET "name" = "name" WHERE "name" = ${p.bind(name)}`, ...p.values);
  return requireModel(tx, name);
}

export async function currentAlias(tx: Tx, modelId: number, alias: string) {
  const row = await tx.modelAlias.findUnique({
    where: { modelId_alias: { modelId, alias } },
    select: { updatedAt: true, version: { select: { version: true } } },
  });
  return row ? { version: row.version.version, updatedAt: row.updatedAt } : null;
}

export type AliasMove = {
  model: { id: number; name: string };
  alias: string;
  from: number | null;
  to: VersionRef;
  action: "promote" | "rollback";
  reason: string;
  actor: string;
};

// Points the alias at `to` and appends the matching AliasChange; the caller owns the transaction.
export async function moveAlias(tx: Tx, m: AliasMove) {
  const row = await tx.modelAlias.upsert({
    where: { modelId_alias: { modelId: m.model.id, alias: m.alias } },
    create: { modelId: m.model.id, alias: m.alias, versionId: m.to.id },
    update: { versionId: m.to.id },
    select: { updatedAt: true },
  });
  const change = await tx.aliasChange.create({
    data: {
      modelId: m.model.id,
      alias: m.alias,
      fromVersion: m.from,
      toVersion: m.to.version,
      action: m.action,
      reason: m.reason,
      actor: m.actor,
    },
    select: { id: true, createdAt: true },
  });
  return {
    model: m.model.name,
    alias: m.alias,
    version: m.to.version,
    artifact: m.to.artifact,
    updatedAt: row.updatedAt.toISOString(),
    change: {
      id: change.id,
      from: m.from,
      to: m.to.version,
      action: m.action,
      reason: m.reason,
      actor: m.actor,
      at: change.createdAt.toISOString(),
    },
  };
}

export type AliasMoveResult = Awaited<ReturnType<typeof moveAlias>>;

// Waiting behind other writers on one SQLite file can take a while; never give up early.
export const ALIAS_TX = { maxWait: 60_000, timeout: 60_000 };
