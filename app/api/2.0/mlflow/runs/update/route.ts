import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { updateRun } from "@/lib/interop/mlflow/runs-write";
import { updateRunBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/update — end or rename a run
export const POST = withMlflow(updateRunBody, (body, ctx) => updateRun(db(), body, ctx.actor), { scope: "write" });
