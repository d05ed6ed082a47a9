import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { search } from "@/lib/query/search";
import { searchQuery } from "@/lib/schemas/explore";

// GET /api/v1/search — pipelines, stages, executions, artifacts, models and versions matching a text
export const GET = withApi(async ({ url }) => search(db(), parseQuery(searchQuery, url)), { scope: "read" });
