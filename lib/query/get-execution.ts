import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { metricsObject, parseJsonObject, sizeNumber } from "./format";

const artifactFields = { id: true, type: true, name: true, hash: true, uri: true, size: true } as const;

// GET /api/v1/executions/{uuid}: everything known about one execution.
export async function getExecution(db: Db, uuid: string) {
  const e = await db.execution.findUnique({
    where: { uuid },
    select: {
      uuid: true, name: true, status: true, params: true, properties: true, startedAt: true, endedAt: true, createdAt: true,
      pipeline: { select: { name: true } },
      stage: { select: { name: true } },
      parent: { select: { uuid: true, name: true } },
      children: { select: { uuid: true, name: true, status: true }, orderBy: { id: "asc" } },
      metrics: { select: { key: true, value: true, special: true }, orderBy: { key: "asc" } },
      events: { select: { direction: true, artifact: { select: artifactFields } }, orderBy: { id: "asc" } },
      series: { select: { key: true, rank: true, count: true, minStep: true, maxStep: true }, orderBy: [{ key: "asc" }, { rank: "asc" }] },
      versions: { select: { version: true, model: { select: { name: true } } } },
    },
  });
  if (!e) throw notFound(`no execution with uuid '${uuid}'`);
  const artifacts = (direction: string) =>
    e.events.filter((ev) => ev.direction === direction).map(({ artifact: a }) => ({ ...a, size: sizeNumber(a.size) }));
  return {
    uuid: e.uuid,
    name: e.name,
    pipeline: e.pipeline.name,
    stage: e.stage.name,
    status: e.status,
    parent: e.parent,
    children: e.children,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    createdAt: e.createdAt,
    params: parseJsonObject(e.params),
    properties: parseJsonObject(e.properties),
    metrics: metricsObject(e.metrics),
    inputs: artifacts("INPUT"),
    outputs: artifacts("OUTPUT"),
    series: e.series,
    modelVersions: e.versions.map((v) => ({ model: v.model.name, version: v.version })),
  };
}
