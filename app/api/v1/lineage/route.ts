import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { subgraph } from "@/lib/lineage/subgraph";
import { lineageQuery } from "@/lib/schemas/lineage";

// GET /api/v1/lineage — the bounded lineage subgraph around one node, with hidden-neighbour counts
export const GET = withApi(async ({ url }) => subgraph(db(), parseQuery(lineageQuery, url)), { scope: "read" });
