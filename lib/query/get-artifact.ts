import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { parseJsonObject, sizeNumber } from "./format";
import { artifactBlob } from "../blobs/artifact-blob";
import { blobStore } from "../blobs/blob-store";
import type { BlobStore } from "../blobs/store";

const executionFields = {
  uuid: true, name: true, status: true, startedAt: true,
  stage: { select: { name: true } }, pipeline: { select: { name: true } },
} as const;

// GET /api/v1/artifacts/{id}: one artifact, who produced it, who consumed it, which model
// versions it is, and its stored bytes (`blob`, null when metadata-only).
export async function getArtifact(db: Db, id: number, store: BlobStore = blobStore()) {
  const a = await db.artifact.findUnique({
    where: { id },
    select: {
      id: true, type: true, name: true, hash: true, uri: true, size: true, properties: true, createdAt: true,
      events: { select: { direction: true, execution: { select: executionFields } }, orderBy: { id: "asc" } },
      versions: { select: { version: true, model: { select: { name: true } }, aliases: { select: { alias: true } } } },
    },
  });
  if (!a) throw notFound(`no artifact with id ${id}`);
  const executions = (direction: string) =>
    a.events
      .filter((ev) => ev.direction === direction)
      .map(({ execution: e }) => ({ uuid: e.uuid, name: e.name, status: e.status, startedAt: e.startedAt, stage: e.stage.name, pipeline: e.pipeline.name }));
  return {
    id: a.id,
    type: a.type,
    name: a.name,
    hash: a.hash,
    uri: a.uri,
    size: sizeNumber(a.size),
    properties: parseJsonObject(a.properties),
    createdAt: a.createdAt,
    producers: executions("OUTPUT"),
    consumers: executions("INPUT"),
    modelVersions: a.versions.map((v) => ({ model: v.model.name, version: v.version, aliases: v.aliases.map((x) => x.alias) })),
    blob: await artifactBlob(store, a.hash),
  };
}
