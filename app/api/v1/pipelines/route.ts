import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { listPipelines } from "@/lib/query/list-pipelines";

// GET /api/v1/pipelines — every pipeline with its stages and execution counts
export const GET = withApi(async () => listPipelines(db()), { scope: "read" });
