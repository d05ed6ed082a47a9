import { db } from "@/lib/db/client";
import { getExperimentByName } from "@/lib/interop/mlflow/experiments";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { getExperimentByNameQuery } from "@/lib/schemas/mlflow";

// GET /api/2.0/mlflow/experiments/get-by-name — one experiment by name
export const GET = withMlflow(getExperimentByNameQuery, (q) => getExperimentByName(db(), q.experiment_name), { scope: "read" });
