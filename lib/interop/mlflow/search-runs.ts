import "server-only";
import type { Db } from "../../db/client";
import { listExecutions } from "../../query/list-executions";
import { executionsQuery } from "../../schemas/query";
import type { SearchRunsBody } from "../../schemas/mlflow";
import { DEFAULT_EXPERIMENT_NAME } from "./experiments";
import { loadRuns } from "./runs-read";
import { translateFilter, translateOrderBy } from "./search-filter";

// Pages are at most this long; MLflow's clients follow next_page_token for the rest.
export const MAX_PAGE = 1000;

// POST runs/search — the filter is translated to Provscope's filter language and run by the same
// query as GET /api/v1/executions, restricted to the experiments' pipelines.
export async function searchRuns(db: Db, body: SearchRunsBody) {
  if (body.run_view_type === "DELETED_ONLY") return { runs: [] }; // nothing is ever deleted
  const names = await experimentNames(db, body.experiment_ids);
  if (names.length === 0) return { runs: [] };

  const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const scope = `(${names.map((n) => `pipeline = ${quote(n)}`).join(" OR ")})`;
  const condition = translateFilter(body.filter);
  const page = await listExecutions(db, {
    filter: condition ? `${scope} AND ${condition}` : scope,
    sort: executionsQuery.shape.sort.parse(translateOrderBy(body.order_by)),
    limit: Math.min(body.max_results, MAX_PAGE),
    cursor: body.page_token,
  });
  const runs = await loadRuns(db, page.executions.map((e) => e.uuid));
  return { runs, ...(page.nextCursor ? { next_page_token: page.nextCursor } : {}) };
}

// Unknown experiment ids match no runs, as in MLflow's search.
async function experimentNames(db: Db, ids: string[]): Promise<string[]> {
  const numeric = ids.filter((id) => /^\d{1,15}$/.test(id) && id !== "0").map(Number);
  const rows = numeric.length ? await db.pipeline.findMany({ where: { id: { in: numeric } }, select: { name: true } }) : [];
  const names = rows.map((r) => r.name);
  if (ids.includes("0")) names.push(DEFAULT_EXPERIMENT_NAME);
  return [...new Set(names)];
}
