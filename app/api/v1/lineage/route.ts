import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/body";
import { parseQuery, withApi } from "@/lib/http/handler";
import { ingestEvent } from "@/lib/interop/openlineage/ingest-events";
import { subgraph } from "@/lib/lineage/subgraph";
import { lineageQuery } from "@/lib/schemas/lineage";

// GET /api/v1/lineage — the bounded lineage subgraph around one node, with hidden-neighbour counts
export const GET = withApi(async ({ url }) => subgraph(db(), parseQuery(lineageQuery, url)), { scope: "read" });

// POST /api/v1/lineage — one OpenLineage event (RunEvent, JobEvent or DatasetEvent), as Marquez takes it
export const POST = withApi(
  async ({ req, principal }) => ingestEvent(db(), await readJson(req, env().PROVSCOPE_MAX_BODY_BYTES), principal?.name ?? "anonymous"),
  { scope: "write", status: 201 },
);
