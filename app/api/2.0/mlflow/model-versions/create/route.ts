import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { createModelVersion } from "@/lib/interop/mlflow/registry";
import { createModelVersionBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/model-versions/create — the run's model output as the next version
export const POST = withMlflow(createModelVersionBody, (body, ctx) => createModelVersion(db(), body, ctx.actor), { scope: "write" });
