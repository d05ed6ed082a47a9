import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { getExecution } from "@/lib/query/get-execution";
import { executionParams } from "@/lib/schemas/query";

// GET /api/v1/executions/{uuid} — params, properties, inputs, outputs, metrics, series keys
export const GET = withApi<{ uuid: string }>(
  async ({ params }) => getExecution(db(), executionParams.parse(params).uuid),
  { scope: "read" },
);
