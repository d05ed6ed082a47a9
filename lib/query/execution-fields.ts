import "server-only";
import type { Db } from "../db/client";
import { Params } from "../db/sql";
import type { ExecutionFieldsQuery } from "../schemas/explore";

// GET /api/v1/executions/fields: the params.* and metrics.* keys present, for the explorer's column
// picker and the filter box's autocomplete. String params bring a few example values.

export const MAX_KEYS = 500;
export const MAX_VALUES = 20;

export type ParamField = { key: string; type: "number" | "string" | "mixed" | "other"; values: string[] };
export type ExecutionFields = { params: ParamField[]; metrics: Array<{ key: string }> };

type ParamRow = { key: string; hasNum: unknown; hasStr: unknown };
type ValueRow = { key: string; str: string };

const truthy = (v: unknown) => v === true || Number(v) > 0;
const typeOf = (hasNum: boolean, hasStr: boolean): ParamField["type"] =>
  hasNum && hasStr ? "mixed" : hasNum ? "number" : hasStr ? "string" : "other";

// Distinct keys by a "loose index scan": one index seek per distinct key instead of reading every
// row, which keeps this at a few milliseconds over millions of param rows.
const distinctKeys = (table: string, where = "") => `WITH RECURSIVE k("key", n) AS (
    SELECT MIN("key"), 1 FROM "${table}"${where ? ` WHERE ${where}` : ""}
    UNION ALL
    SELECT (SELECT MIN(t."key") FROM "${table}" t WHERE t."key" > k."key"), k.n + 1 FROM k WHERE k."key" IS NOT NULL AND k.n < ${MAX_KEYS}
  )`;

async function globalFields(db: Db): Promise<ExecutionFields> {
  const params = await db.$queryRawUnsafe<ParamRow[]>(
    `${distinctKeys("ExecutionParam")}
     SELECT k."key" AS "key",
       EXISTS (SELECT 1 FROM "ExecutionParam" p WHERE p."key" = k."key" AND p."num" IS NOT NULL) AS "hasNum",
       EXISTS (SELECT 1 FROM "ExecutionParam" p WHERE p."key" = k."key" AND p."str" IS NOT NULL) AS "hasStr"
     FROM k WHERE k."key" IS NOT NULL`,
  );
  const metrics = await db.$queryRawUnsafe<Array<{ key: string }>>(
    `${distinctKeys("ExecutionMetric")} SELECT k."key" AS "key" FROM k WHERE k."key" IS NOT NULL`,
  );
  // Example values of string params, again one seek per distinct value (bounded).
  const values: ValueRow[] = [];
  for (const row of params.filter((r) => truthy(r.hasStr))) {
    const p = new Params();
    const rows = await db.$queryRawUnsafe<Array<{ str: string }>>(
      `WITH RECURSIVE v(str, n) AS (
         SELECT MIN("str"), 1 FROM "ExecutionParam" WHERE "key" = ${p.bind(row.key)} AND "str" IS NOT NULL
         UNION ALL
         SELECT (SELECT MIN(t."str") FROM "ExecutionParam" t WHERE t."key" = ${p.bind(row.key)} AND t."str" > v.str), v.n + 1
         FROM v WHERE v.str IS NOT NULL AND v.n < ${MAX_VALUES}
       ) SELECT str FROM v WHERE str IS NOT NULL`,
      ...p.values,
    );
    values.push(...rows.map((r) => ({ key: row.key, str: r.str })));
  }
  return shape(params, metrics, values);
}

// Within one pipeline the keys come from its executions' rows: proportional to the pipeline's size.
async function pipelineFields(db: Db, pipeline: string): Promise<ExecutionFields> {
  const scope = (p: Params) =>
    `"executionId" IN (SELECT e."id" FROM "Execution" e JOIN "Pipeline" pl ON pl."id" = e."pipelineId" WHERE pl."name" = ${p.bind(pipeline)})`;
  const p = new Params();
  const params = await db.$queryRawUnsafe<ParamRow[]>(
    `SELECT "key", MAX(CASE WHEN "num" IS NULL THEN 0 ELSE 1 END) AS "hasNum", MAX(CASE WHEN "str" IS NULL THEN 0 ELSE 1 END) AS "hasStr"
     FROM "ExecutionParam" WHERE ${scope(p)} GROUP BY "key" ORDER BY "key" LIMIT ${MAX_KEYS}`,
    ...p.values,
  );
  const m = new Params();
  const metrics = await db.$queryRawUnsafe<Array<{ key: string }>>(
    `SELECT DISTINCT "key" FROM "ExecutionMetric" WHERE ${scope(m)} ORDER BY "key" LIMIT ${MAX_KEYS}`,
    ...m.values,
  );
  const v = new Params();
  const values = await db.$queryRawUnsafe<ValueRow[]>(
    `SELECT DISTINCT "key", "str" FROM "ExecutionParam" WHERE "str" IS NOT NULL AND ${scope(v)} ORDER BY "key", "str" LIMIT ${MAX_KEYS * MAX_VALUES}`,
    ...v.values,
  );
  return shape(params, metrics, values);
}

function shape(params: ParamRow[], metrics: Array<{ key: string }>, values: ValueRow[]): ExecutionFields {
  const byKey = new Map<string, string[]>();
  for (const v of values) {
    const list = byKey.get(v.key) ?? [];
    if (list.length < MAX_VALUES) list.push(v.str);
    byKey.set(v.key, list);
  }
  return {
    params: params.map((r) => ({ key: r.key, type: typeOf(truthy(r.hasNum), truthy(r.hasStr)), values: byKey.get(r.key) ?? [] })),
    metrics: metrics.map((r) => ({ key: r.key })),
  };
}

export async function executionFields(db: Db, q: ExecutionFieldsQuery): Promise<ExecutionFields> {
  return q.pipeline ? pipelineFields(db, q.pipeline) : globalFields(db);
}
