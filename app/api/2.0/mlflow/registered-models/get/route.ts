import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { getRegisteredModel } from "@/lib/interop/mlflow/registry-read";
import { getRegisteredModelQuery } from "@/lib/schemas/mlflow";

// GET /api/2.0/mlflow/registered-models/get — a model with its latest version and aliases
export const GET = withMlflow(getRegisteredModelQuery, (q) => getRegisteredModel(db(), q.name), { scope: "read" });
