import { db } from "@/lib/db/client";
import { demoState } from "@/lib/demo/demo-state";
import { withApi } from "@/lib/http/handler";
import { ApiError } from "@/lib/http/errors";

// GET /api/health — ready once the database answers with the migrated schema; also whether the
// built-in demo workflow is running in this server process
export const GET = withApi(
  async () => {
    try {
      await db().ingestBatch.findFirst({ select: { batchId: true } });
    } catch {
      throw new ApiError(503, "not_ready", "the database is not migrated or not reachable yet");
    }
    const { state, step } = demoState();
    return { ok: true, demo: { state, step } };
  },
  { scope: "public" },
);
