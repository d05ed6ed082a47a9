import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { logBatch } from "@/lib/interop/mlflow/runs-write";
import { logBatchBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/log-batch — metrics, params and tags of a run, all or nothing
export const POST = withMlflow(logBatchBody, (body, ctx) => logBatch(db(), body, ctx.actor), { scope: "write" });
