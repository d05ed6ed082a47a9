import "server-only";
import { compileFilter } from "./filter/compile-sql";
import { isBlankFilter, parseFilter } from "./filter/parse";

export type ExecutionScope = { pipeline?: string; stage?: string; filter?: string };
type Bind = (value: string | number) => string;

// The conditions over `"Execution" e` shared by the executions list and the changes feed, so a
// live view announces exactly the rows its table would show. Values go through `bind` in the order
// the conditions are returned. `membership`: see compileFilter.
export function executionConditions(q: ExecutionScope, bind: Bind, membership: "exists" | "in" = "exists"): string[] {
  const where: string[] = [];
  if (q.pipeline) where.push(`e."pipelineId" IN (SELECT "id" FROM "Pipeline" WHERE "name" = ${bind(q.pipeline)})`);
  if (q.stage) where.push(`e."stageId" IN (SELECT "id" FROM "Stage" WHERE "name" = ${bind(q.stage)})`);
  if (!isBlankFilter(q.filter)) where.push(compileFilter(parseFilter(q.filter!), bind, membership));
  return where;
}

export const whereClause = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

export const executionsWhere = (q: ExecutionScope, bind: Bind, membership: "exists" | "in" = "exists") =>
  whereClause(executionConditions(q, bind, membership));
