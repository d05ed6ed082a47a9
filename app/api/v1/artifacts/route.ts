import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { listArtifacts } from "@/lib/query/list-artifacts";
import { artifactsQuery } from "@/lib/schemas/explore";

// GET /api/v1/artifacts — artifacts filtered by type and text (name, uri, hash prefix), sorted, paged
export const GET = withApi(async ({ url }) => listArtifacts(db(), parseQuery(artifactsQuery, url)), { scope: "read" });
