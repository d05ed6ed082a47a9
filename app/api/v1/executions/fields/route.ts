import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { executionFields } from "@/lib/query/execution-fields";
import { executionFieldsQuery } from "@/lib/schemas/explore";

// GET /api/v1/executions/fields — the params.* and metrics.* keys present (optionally in one pipeline)
export const GET = withApi(async ({ url }) => executionFields(db(), parseQuery(executionFieldsQuery, url)), { scope: "read" });
