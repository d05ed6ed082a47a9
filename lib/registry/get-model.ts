import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { artifactRef } from "./model-ref";

// One model: every version with its artifact, producing execution, that execution's metrics and
// input datasets (what the version was trained on), the model's aliases, and the aliases that were
// set once and are removed now (who removed them, when and why: their history is still there).
export async function getModel(db: Db, name: string) {
  const model = await db.registeredModel.findUnique({
    where: { name },
    select: {
      name: true,
      createdAt: true,
      versions: {
        orderBy: { version: "asc" },
        select: {
          version: true,
          createdAt: true,
          artifact: { select: { id: true, name: true, uri: true, hash: true, size: true } },
          execution: {
            select: {
              uuid: true,
              name: true,
              status: true,
              stage: { select: { name: true } },
              pipeline: { select: { name: true } },
              metrics: { orderBy: { key: "asc" }, select: { key: true, value: true, special: true } },
              events: {
                where: { direction: "INPUT" },
                orderBy: { id: "asc" },
                select: { artifact: { select: { id: true, name: true, type: true, hash: true } } },
              },
            },
          },
        },
      },
      aliases: {
        orderBy: { alias: "asc" },
        select: { alias: true, updatedAt: true, version: { select: { version: true } } },
      },
      // Newest first: the first removal seen per alias is its latest.
      changes: {
        where: { action: "remove" },
        orderBy: { id: "desc" },
        select: { alias: true, fromVersion: true, reason: true, actor: true, createdAt: true },
      },
    },
  });
  if (!model) throw notFound(`unknown model '${name}': GET /api/v1/models lists the registered models`);

  return {
    name: model.name,
    createdAt: model.createdAt.toISOString(),
    versions: model.versions.map((v) => {
      const e = v.execution;
      return {
        version: v.version,
        createdAt: v.createdAt.toISOString(),
        artifact: { id: v.artifact.id, name: v.artifact.name, ...artifactRef(v.artifact) },
        execution: e
          ? { uuid: e.uuid, name: e.name, status: e.status, stage: e.stage.name, pipeline: e.pipeline.name }
          : null,
        // Non-finite values travel as the strings the ingest API accepts for them.
        metrics: Object.fromEntries((e?.metrics ?? []).map((m) => [m.key, m.value ?? m.special ?? "NaN"])),
        inputs: (e?.events ?? []).map((ev) => ev.artifact),
      };
    }),
    aliases: model.aliases.map((a) => ({
      alias: a.alias,
      version: a.version.version,
      updatedAt: a.updatedAt.toISOString(),
    })),
    removedAliases: removedAliases(model.changes, new Set(model.aliases.map((a) => a.alias))),
  };
}

type Removal = { alias: string; fromVersion: number | null; reason: string; actor: string; createdAt: Date };

// An alias is removed when it is not set now and was removed at some point (set again since, it is
// simply an alias); sorted by name like the aliases.
function removedAliases(removals: readonly Removal[], set: ReadonlySet<string>) {
  const latest = new Map<string, Removal>();
  for (const r of removals) if (!set.has(r.alias) && !latest.has(r.alias)) latest.set(r.alias, r);
  return [...latest.values()]
    .sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0))
    .map((r) => ({ alias: r.alias, lastVersion: r.fromVersion, removedAt: r.createdAt.toISOString(), actor: r.actor, reason: r.reason }));
}
