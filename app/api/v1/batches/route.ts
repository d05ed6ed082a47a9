import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { applyBatch } from "@/lib/ingest/apply-batch";
import { ingestBatchBody } from "@/lib/schemas/ingest";

// POST /api/v1/batches — apply a batch of ingest operations atomically and idempotently
export const POST = withApi(
  async ({ req, principal }) => {
    const body = ingestBatchBody.parse(await readJson(req, env().PROVSCOPE_MAX_BODY_BYTES));
    return applyBatch(db(), body, principal?.name ?? "anonymous");
  },
  { scope: "write" },
);
