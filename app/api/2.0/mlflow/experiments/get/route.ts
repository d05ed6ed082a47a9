import { db } from "@/lib/db/client";
import { getExperiment } from "@/lib/interop/mlflow/experiments";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { getExperimentQuery } from "@/lib/schemas/mlflow";

// GET /api/2.0/mlflow/experiments/get — one experiment by id
export const GET = withMlflow(getExperimentQuery, (q) => getExperiment(db(), q.experiment_id), { scope: "read" });
