import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { ingestEvents } from "@/lib/interop/openlineage/ingest-events";

// POST /api/v1/lineage/batch — an array of OpenLineage events, applied in order; per-event summary
export const POST = withApi(
  async ({ req, principal }) => ingestEvents(db(), await readJson(req, env().PROVSCOPE_MAX_BODY_BYTES), principal?.name ?? "anonymous"),
  { scope: "write" },
);
