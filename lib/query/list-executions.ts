import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import { unprocessable } from "../http/errors";
import type { ExecutionsQuery } from "../schemas/query";
import { compileFilter } from "./filter/compile-sql";
import { isBlankFilter, parseFilter } from "./filter/parse";
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

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) {
    throw unprocessable("cursor: is not a cursor returned by this endpoint; omit it to start from the first page", "cursor");
  }
  return offset;
}

// GET /api/v1/executions: the filter language compiled to SQL, sorted, one page at a time.
export async function listExecutions(db: Db, q: ExecutionsQuery) {
  const p = new Params();
  const where: string[] = [];
  if (q.pipeline) where.push(`e."pipelineId" IN (SELECT "id" FROM "Pipeline" WHERE "name" = ${p.bind(q.pipeline)})`);
  if (q.stage) where.push(`e."stageId" IN (SELECT "id" FROM "Stage" WHERE "name" = ${p.bind(q.stage)})`);
  if (!isBlankFilter(q.filter)) where.push(compileFilter(parseFilter(q.filter!), p.bind));
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";

  const offset = decodeCursor(q.cursor);
  const countParams = [...p.values];
  const order = orderBy(q.sort, p.bind);
  const page = `LIMIT ${p.bind(q.limit + 1)} OFFSET ${p.bind(offset)}`;
  const ids = await db.$queryRawUnsafe<Array<{ id: number }>>(
    `SELECT e."id" AS id FROM "Execution" e ${whereSql} ORDER BY ${order} ${page}`,
    ...p.values,
  );
  const [{ total }] = await db.$queryRawUnsafe<Array<{ total: number | bigint }>>(
    `SELECT COUNT(*) AS total FROM "Execution" e ${whereSql}`,
    ...countParams,
  );

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
    total: Number(total),
    nextCursor: ids.length > q.limit ? Buffer.from(String(offset + q.limit)).toString("base64url") : null,
    executions: pageIds.map((id) => {
      const r = byId.get(id)!;
      return {
        uuid: r.uuid, name: r.name, status: r.status, pipeline: r.pipeline.name, stage: r.stage.name,
        startedAt: r.startedAt, endedAt: r.endedAt, params: parseJsonObject(r.params), metrics: metricsObject(r.metrics),
      };
    }),
  };
}
