import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { artifactRef } from "./model-ref";

// One model: every version with its artifact, producing execution, that execution's metrics and
// input datasets (what the version was trained on), and the model's aliases.
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
  };
}
