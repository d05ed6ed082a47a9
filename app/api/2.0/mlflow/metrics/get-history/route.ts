import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { getMetricHistory } from "@/lib/interop/mlflow/metric-history";
import { getMetricHistoryQuery } from "@/lib/schemas/mlflow";

// GET /api/2.0/mlflow/metrics/get-history — every logged point of one metric of a run
export const GET = withMlflow(getMetricHistoryQuery, (q) => getMetricHistory(db(), q), { scope: "read" });
