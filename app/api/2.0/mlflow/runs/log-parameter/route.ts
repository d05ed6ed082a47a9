import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { logParam } from "@/lib/interop/mlflow/runs-write";
import { logParamBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/log-parameter — one write-once param
export const POST = withMlflow(logParamBody, (body, ctx) => logParam(db(), body, ctx.actor), { scope: "write" });
