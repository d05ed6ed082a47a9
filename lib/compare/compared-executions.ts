import "server-only";
import type { Db } from "../db/client";
import { metricsObject, parseJsonObject } from "../query/format";

// The executions of a comparison in one query per relation (not one getExecution per id: with 50
// executions that was ~400 queries), with what the compare page shows: params, final metrics and
// series keys. Returned in the order asked for; ids that match nothing are left out.
export async function comparedExecutions(db: Db, uuids: readonly string[]) {
  const rows = await db.execution.findMany({
    where: { uuid: { in: [...uuids] } },
    select: {
      uuid: true, name: true, status: true, params: true, startedAt: true, endedAt: true,
      pipeline: { select: { name: true } },
      stage: { select: { name: true } },
      metrics: { select: { key: true, value: true, special: true }, orderBy: { key: "asc" } },
      series: { select: { key: true, rank: true, count: true, minStep: true, maxStep: true }, orderBy: [{ key: "asc" }, { rank: "asc" }] },
    },
  });
  const byUuid = new Map(rows.map((r) => [r.uuid, r]));
  return uuids.flatMap((u) => {
    const r = byUuid.get(u);
    if (!r) return [];
    return [{
      uuid: r.uuid,
      name: r.name,
      status: r.status,
      pipeline: r.pipeline.name,
      stage: r.stage.name,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      params: parseJsonObject(r.params),
      metrics: metricsObject(r.metrics),
      series: r.series,
    }];
  });
}

export type ComparedExecution = Awaited<ReturnType<typeof comparedExecutions>>[number];
