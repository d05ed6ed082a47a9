import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { setTag } from "@/lib/interop/mlflow/runs-write";
import { setTagBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/set-tag — set or overwrite one tag
export const POST = withMlflow(setTagBody, (body, ctx) => setTag(db(), body, ctx.actor), { scope: "write" });
