import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import { unprocessable } from "../http/errors";
import type { ExecutionsQuery } from "../schemas/query";
import { executionsWhere } from "./executions-where";
import { isBlankFilter } from "./filter/parse";
import { metricsObject, parseJsonObject } from "./format";

const COLUMNS: Record<string, string> = {
  name: `e."name"`,
  status: `e."status"`,
  startedAt: `e."startedAt"`,
  endedAt: `e."endedAt"`,
  stage: `(SELECT s."name" FROM "Stage" s WHERE s."id" = e."stageId")`,
  pipeline: `(SELECT pl."name" FROM "Pipeline" pl WHERE pl."id" = e."pipelineId")`,
};

function orderBy(sort: string, bind: (v: unknown) => string): string {
  const desc = sort.startsWith("-") || sort.endsWith(":desc");
  const field = sort.replace(/^-/, "").replace(/:(asc|desc)$/, "");
  const dir = desc ? "DESC" : "ASC";
  // Runs without the sorted value go last either way; the id keeps pages stable.
  const tail = `e."id" ${dir}`;
  if (field.startsWith("metrics.")) {
    const value = `(SELECT m."value" FROM "ExecutionMetric" m WHERE m."executionId" = e."id" AND m."key" = ${bind(field.slice(8))})`;
    return `${value} ${dir} NULLS LAST, ${tail}`;
  }
  if (field.startsWith("params.")) {
    // Numeric params sort as numbers, string params as text.
    const param = (column: string) =>
      `(SELECT p."${column}" FROM "ExecutionParam" p WHERE p."executionId" = e."id" AND p."key" = ${bind(field.slice(7))})`;
    return `${param("num")} ${dir} NULLS LAST, ${param("str")} ${dir} NULLS LAST, ${tail}`;
  }
  return `${COLUMNS[field]} ${dir} NULLS LAST, ${tail}`;
}

// The cursor carries the offset and the total counted for the first page, so scrolling on never
// counts again (the count is the expensive half of a filtered query over 100,000 executions).
type Cursor = { offset: number; total?: number };

function decodeCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { offset: 0 };
  const [offset, total] = Buffer.from(cursor, "base64url").toString("utf8").split(":").map(Number);
  const valid = Number.isInteger(offset) && offset >= 0 && (total === undefined || (Number.isInteger(total) && total >= 0));
  if (!valid) {
    throw unprocessable("cursor: is not a cursor returned by this endpoint; omit it to start from the first page", "cursor");
  }
  return { offset, total };
}

const encodeCursor = (c: Required<Cursor>) => Buffer.from(`${c.offset}:${c.total}`).toString("base64url");

async function countExecutions(db: Db, q: ExecutionsQuery): Promise<number> {
  const p = new Params();
  const [row] = await db.$queryRawUnsafe<Array<{ total: number | bigint }>>(
    `SELECT COUNT(*) AS total FROM "Execution" e ${executionsWhere(q, p.bind, q.pipeline || q.stage ? "exists" : "in")}`,
    ...p.values,
  );
  return Number(row.total);
}

// GET /api/v1/executions: the filter language compiled to SQL, sorted, one page at a time.
export async function listExecutions(db: Db, q: ExecutionsQuery) {
  const cursor = decodeCursor(q.cursor);
  // A filter costs work per row, so the first page of a filtered list counts its matches in the
  // same pass (a window count) instead of a second full scan. Later pages know the total from the
  // cursor and walk the sort order only as far as one page (per-row EXISTS). Across all pipelines
  // the count runs on id sets; within one pipeline or stage its index narrows the rows better.
  const countInline = cursor.total === undefined && !isBlankFilter(q.filter);
  const sets = countInline && !q.pipeline && !q.stage;
  const p = new Params();
  const whereSql = executionsWhere(q, p.bind, sets ? "in" : "exists");
  const order = orderBy(q.sort, p.bind);
  const page = `LIMIT ${p.bind(q.limit + 1)} OFFSET ${p.bind(cursor.offset)}`;
  const ids = await db.$queryRawUnsafe<Array<{ id: number | bigint; total?: number | bigint }>>(
    `SELECT e."id" AS id${countInline ? ", COUNT(*) OVER () AS total" : ""} FROM "Execution" e ${whereSql} ORDER BY ${order} ${page}`,
    ...p.values,
  );
  const hasMore = ids.length > q.limit;
  let total = cursor.total ?? (countInline && ids.length ? Number(ids[0].total) : undefined);
  if (total === undefined && !hasMore && (ids.length > 0 || cursor.offset === 0)) total = cursor.offset + ids.length;
  total ??= await countExecutions(db, q);

  const pageIds = ids.slice(0, q.limit).map((r) => Number(r.id));
  const rows = await db.execution.findMany({
    where: { id: { in: pageIds } },
    select: {
      id: true, uuid: true, name: true, status: true, params: true, startedAt: true, endedAt: true,
      pipeline: { select: { name: true } },
      stage: { select: { name: true } },
      metrics: { select: { key: true, value: true, special: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total,
    nextCursor: hasMore ? encodeCursor({ offset: cursor.offset + q.limit, total }) : null,
    executions: pageIds.map((id) => {
      const r = byId.get(id)!;
      return {
        uuid: r.uuid, name: r.name, status: r.status, pipeline: r.pipeline.name, stage: r.stage.name,
        startedAt: r.startedAt, endedAt: r.endedAt, params: parseJsonObject(r.params), metrics: metricsObject(r.metrics),
      };
    }),
  };
}
