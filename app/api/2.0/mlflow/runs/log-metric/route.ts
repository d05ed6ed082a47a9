import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { logMetric } from "@/lib/interop/mlflow/runs-write";
import { logMetricBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/log-metric — one metric point (a series point and the latest value)
export const POST = withMlflow(logMetricBody, (body, ctx) => logMetric(db(), body, ctx.actor), { scope: "write" });
