import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { createRun } from "@/lib/interop/mlflow/runs-write";
import { createRunBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/create — start a run (an execution of the experiment's pipeline)
export const POST = withMlflow(createRunBody, (body, ctx) => createRun(db(), body, ctx.actor), { scope: "write" });
