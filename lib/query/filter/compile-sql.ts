// Compiles a filter AST to a boolean SQL expression over `"Execution" e`.
// Values only ever travel through `bind`, so user text never becomes SQL. The output sticks to
// syntax SQLite and PostgreSQL share: double-quoted identifiers, EXISTS/IN subqueries, LIKE ... ESCAPE.

import type { FilterNode, Op } from "./parse";

export type Bind = (value: string | number) => string;

const SQL_OPS: Record<Op, string> = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "~": "LIKE" };

/** Translates a glob (`*` any run, `?` one char) to a LIKE pattern, escaping LIKE's own wildcards. */
export function globToLike(glob: string): string {
  let out = "";
  for (const c of glob) {
    if (c === "\\" || c === "%" || c === "_") out += "\\" + c;
    else if (c === "*") out += "%";
    else if (c === "?") out += "_";
    else out += c;
  }
  return out;
}

/**
 * `column OP value`. For `~` both sides are lower-cased: SQLite's LIKE ignores ASCII case while
 * PostgreSQL's does not, so lowering makes the glob case-insensitive on both.
 */
function predicate(column: string, op: Op, value: string | number, bind: Bind): string {
  if (op === "~") return `LOWER(${column}) LIKE LOWER(${bind(globToLike(String(value)))}) ESCAPE '\\'`;
  return `${column} ${SQL_OPS[op]} ${bind(value)}`;
}

/**
 * `bind` is called in the same order the placeholders appear in the returned text, so a caller
 * using positional `?` can push values into an array as they arrive.
 *
 * `membership` chooses how param and metric comparisons are written. "exists" (a correlated
 * EXISTS per row) lets a query walking an index in sort order stop after one page. "in"
 * (`e."id" IN (SELECT "executionId" … )`) lets the database build each id set once from the
 * (key, value) indexes and drive the query from it: ~40% faster when every match is needed anyway,
 * e.g. to count them. Both are two-valued (executionId is never NULL), so NOT stays a complement.
 */
export function compileFilter(node: FilterNode, bind: Bind, membership: "exists" | "in" = "exists"): string {
  const rows = (table: string, t: string, where: string) =>
    membership === "in"
      ? `e."id" IN (SELECT ${t}."executionId" FROM "${table}" ${t} WHERE ${where})`
      : `EXISTS (SELECT 1 FROM "${table}" ${t} WHERE ${t}."executionId" = e."id" AND ${where})`;
  let alias = 0; // distinct subquery aliases keep the SQL unambiguous when read or debugged
  const walk = (n: FilterNode): string => {
    switch (n.kind) {
      case "and":
        return `(${walk(n.left)} AND ${walk(n.right)})`;
      case "or":
        return `(${walk(n.left)} OR ${walk(n.right)})`;
      case "not":
        // Every leaf below is two-valued (never NULL), so NOT is a true complement.
        return `(NOT ${walk(n.expr)})`;
      case "cmp": {
        const { field, op, value } = n;
        switch (field.kind) {
          case "name":
          case "uuid":
            return `(${predicate(`e."${field.kind}"`, op, value, bind)})`;
          case "status":
            return `(${predicate(`e."status"`, op, String(value).toUpperCase(), bind)})`;
          case "stage": {
            const s = `s${++alias}`;
            return `(e."stageId" IN (SELECT ${s}."id" FROM "Stage" ${s} WHERE ${predicate(`${s}."name"`, op, value, bind)}))`;
          }
          case "pipeline": {
            const pl = `pl${++alias}`;
            return `(e."pipelineId" IN (SELECT ${pl}."id" FROM "Pipeline" ${pl} WHERE ${predicate(`${pl}."name"`, op, value, bind)}))`;
          }
          case "param": {
            // A param that is missing, or of the other type, has NULL in the compared column: no match.
            const p = `p${++alias}`;
            const col = typeof value === "number" ? "num" : "str";
            return rows("ExecutionParam", p, `${p}."key" = ${bind(field.key)} AND ${predicate(`${p}."${col}"`, op, value, bind)}`);
          }
          case "metric": {
            if (typeof value !== "number") throw new Error(`metrics.${field.key} compares to numbers only`);
            const m = `m${++alias}`;
            return rows("ExecutionMetric", m, `${m}."key" = ${bind(field.key)} AND ${predicate(`${m}."value"`, op, value, bind)}`);
          }
        }
      }
    }
  };
  return walk(node);
}
