import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { searchRuns } from "@/lib/interop/mlflow/search-runs";
import { searchRunsBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/runs/search — runs of some experiments matching a filter, one page at a time
export const POST = withMlflow(searchRunsBody, (body) => searchRuns(db(), body), { scope: "read" });
