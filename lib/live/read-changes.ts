import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import { executionConditions, whereClause } from "../query/executions-where";
import { isBlankFilter, parseFilter } from "../query/filter/parse";
import { metricsObject } from "../query/format";
import type { ChangePart, ChangesQuery } from "../schemas/live";
import { decodeChangesCursor, encodeChangesCursor } from "./changes-cursor";
import { watchedExecutions } from "./watched-executions";

// GET /api/v1/changes: what changed since the caller's cursor, derived from the database alone
// (Execution.updatedAt, Series.updatedAt, Event ids), so any server process can answer any poll.
//
// Timestamps are written when an op is applied but become visible when its batch commits, and
// several servers' clocks may differ a little: each poll therefore looks OVERLAP_MS further back
// than its cursor. Clients apply changes idempotently (a status is set, a series is fetched from its
// last step on), so seeing a change twice is harmless and missing one is not possible in that window.
export const OVERLAP_MS = 30_000;
const MAX_SERIES = 1000;

export async function readChanges(db: Db, q: ChangesQuery, now = new Date()) {
  const cursor = q.since ? decodeChangesCursor(q.since) : null;
  // A bad filter is reported on the first call, not first on the second.
  if (!isBlankFilter(q.filter)) parseFilter(q.filter!);
  const watched = await watchedExecutions(db, q.watch ?? [], q.stallSeconds, now);
  const base = { now, stallSeconds: q.stallSeconds, watched };
  if (!cursor) {
    // The first call only sets the baseline: nothing before it counts as new.
    const last = await db.event.aggregate({ _max: { id: true } });
    return { ...base, cursor: encodeChangesCursor({ t: now.getTime(), e: last._max.id ?? 0 }), executions: [], series: [], events: [], truncated: false };
  }
  const after = new Date(cursor.t - OVERLAP_MS);
  const wants = (part: ChangePart) => !q.include || q.include.includes(part);
  const { executions, truncated } = wants("executions") ? await changedExecutions(db, q, after) : { executions: [], truncated: false };
  const series = wants("series") ? await changedSeries(db, q.watch ?? [], after) : [];
  const events = wants("events") ? await newEvents(db, cursor.e, q.limit) : [];
  const lastEvent = events.length ? events[events.length - 1].id : cursor.e;
  return { ...base, cursor: encodeChangesCursor({ t: now.getTime(), e: lastEvent }), executions, truncated, series, events };
}

// Executions in the caller's scope (pipeline, stage, filter) whose row changed.
async function changedExecutions(db: Db, q: ChangesQuery, after: Date) {
  const p = new Params();
  // The cheap time test first, so the filter runs only on the few rows that changed.
  const where = whereClause([`e."updatedAt" > ${p.bind(after)}`, ...executionConditions(q, p.bind)]);
  const ids = await db.$queryRawUnsafe<Array<{ id: number | bigint }>>(
    `SELECT e."id" AS id FROM "Execution" e ${where} ORDER BY e."updatedAt" DESC LIMIT ${p.bind(q.limit + 1)}`,
    ...p.values,
  );
  const truncated = ids.length > q.limit;
  const rows = await db.execution.findMany({
    where: { id: { in: ids.slice(0, q.limit).map((r) => Number(r.id)) } },
    orderBy: { updatedAt: "desc" },
    select: {
      uuid: true, name: true, status: true, startedAt: true, endedAt: true, createdAt: true, updatedAt: true,
      pipeline: { select: { name: true } }, stage: { select: { name: true } },
      metrics: { select: { key: true, value: true, special: true } },
    },
  });
  return {
    truncated,
    executions: rows.map((r) => ({
      uuid: r.uuid, name: r.name, status: r.status, pipeline: r.pipeline.name, stage: r.stage.name,
      startedAt: r.startedAt, endedAt: r.endedAt, createdAt: r.createdAt, updatedAt: r.updatedAt, metrics: metricsObject(r.metrics),
    })),
  };
}

// Series of the watched executions that grew.
async function changedSeries(db: Db, watch: string[], after: Date) {
  if (watch.length === 0) return [];
  const series = await db.series.findMany({
    where: { execution: { uuid: { in: watch } }, updatedAt: { gt: after } },
    orderBy: { updatedAt: "desc" },
    take: MAX_SERIES,
    select: { key: true, rank: true, count: true, minStep: true, maxStep: true, updatedAt: true, execution: { select: { uuid: true } } },
  });
  return series.map((s) => ({ execution: s.execution.uuid, key: s.key, rank: s.rank, count: s.count, minStep: s.minStep, maxStep: s.maxStep, updatedAt: s.updatedAt }));
}

// Lineage edges after the cursor's, paged by id: a burst larger than `limit` arrives over several polls.
async function newEvents(db: Db, afterId: number, limit: number) {
  const events = await db.event.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit,
    select: {
      id: true, direction: true, createdAt: true,
      execution: { select: { uuid: true, name: true } },
      artifact: { select: { id: true, type: true, name: true } },
    },
  });
  return events.map((ev) => ({ id: ev.id, direction: ev.direction, createdAt: ev.createdAt, execution: ev.execution, artifact: ev.artifact }));
}

export type Changes = Awaited<ReturnType<typeof readChanges>>;
