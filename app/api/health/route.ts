import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { ApiError } from "@/lib/http/errors";

// GET /api/health — ready once the database answers with the migrated schema
export const GET = withApi(
  async () => {
    try {
      await db().ingestBatch.findFirst({ select: { batchId: true } });
    } catch {
      throw new ApiError(503, "not_ready", "the database is not migrated or not reachable yet");
    }
    return { ok: true };
  },
  { scope: "public" },
);
