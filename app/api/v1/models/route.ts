import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { listModels } from "@/lib/registry/list-models";
import { modelsQuery } from "@/lib/schemas/registry";

// GET /api/v1/models?q=&sort=&limit=&cursor= — registered models with version counts, latest
// version and aliases; filtered by name, sorted, paged
export const GET = withApi(async ({ url }) => listModels(db(), parseQuery(modelsQuery, url)), { scope: "read" });
