import "server-only";
import type { Db } from "../db/client";
import { metricsObject } from "../query/format";

// The current state of the executions a page shows, always complete (not "since"), so a client
// that missed a poll is right again after the next one. An execution is active when its row, one
// of its series or one of its lineage events changed; RUNNING and inactive for `stallSeconds` is
// stalled.
export async function watchedExecutions(db: Db, uuids: string[], stallSeconds: number, now: Date) {
  if (uuids.length === 0) return [];
  const rows = await db.execution.findMany({
    where: { uuid: { in: uuids } },
    select: {
      uuid: true, name: true, status: true, startedAt: true, endedAt: true, updatedAt: true,
      metrics: { select: { key: true, value: true, special: true } },
      series: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
      events: { orderBy: { id: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return rows.map((r) => {
    const lastActivityAt = new Date(
      Math.max(r.updatedAt.getTime(), r.series[0]?.updatedAt.getTime() ?? 0, r.events[0]?.createdAt.getTime() ?? 0),
    );
    const idleSeconds = Math.max(0, Math.floor((now.getTime() - lastActivityAt.getTime()) / 1000));
    return {
      uuid: r.uuid, name: r.name, status: r.status, startedAt: r.startedAt, endedAt: r.endedAt,
      metrics: metricsObject(r.metrics), lastActivityAt, idleSeconds,
      stalled: r.status === "RUNNING" && idleSeconds >= stallSeconds,
    };
  });
}
