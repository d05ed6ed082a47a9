import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { createRegisteredModel } from "@/lib/interop/mlflow/registry";
import { createRegisteredModelBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/registered-models/create — register a model name
export const POST = withMlflow(createRegisteredModelBody, (body) => createRegisteredModel(db(), body.name), { scope: "write" });
