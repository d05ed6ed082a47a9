import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { getRun } from "@/lib/interop/mlflow/runs-read";
import { getRunQuery } from "@/lib/schemas/mlflow";

// GET /api/2.0/mlflow/runs/get — a run with its latest metrics, params and tags
export const GET = withMlflow(getRunQuery, (q) => getRun(db(), q.runId), { scope: "read" });
