import { db } from "@/lib/db/client";
import { createExperiment } from "@/lib/interop/mlflow/experiments";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { createExperimentBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/experiments/create — a new experiment (an empty pipeline)
export const POST = withMlflow(createExperimentBody, (body) => createExperiment(db(), body), { scope: "write" });
