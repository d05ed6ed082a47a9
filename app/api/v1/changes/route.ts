import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { readChanges } from "@/lib/live/read-changes";
import { changesQuery } from "@/lib/schemas/live";

// GET /api/v1/changes — executions, series and lineage events changed since a cursor (incremental polling)
export const GET = withApi(async ({ url }) => readChanges(db(), parseQuery(changesQuery, url)), { scope: "read" });
