import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { getModel } from "@/lib/registry/get-model";
import { modelParams } from "@/lib/schemas/registry";

// GET /api/v1/models/{name} — a model's versions (artifact, producing execution, metrics, inputs) and aliases
export const GET = withApi<{ name: string }>(
  async ({ params }) => getModel(db(), modelParams.parse(params).name),
  { scope: "read" },
);
