import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { listExecutions } from "@/lib/query/list-executions";
import { executionsQuery } from "@/lib/schemas/query";

// GET /api/v1/executions — filter (AND/OR/NOT, comparisons on params/metrics), sort, page
export const GET = withApi(async ({ url }) => listExecutions(db(), parseQuery(executionsQuery, url)), { scope: "read" });
