import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { listModels } from "@/lib/registry/list-models";

// GET /api/v1/models — registered models with version counts, latest version and aliases
export const GET = withApi(async () => listModels(db()), { scope: "read" });
