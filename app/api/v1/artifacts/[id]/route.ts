import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { getArtifact } from "@/lib/query/get-artifact";
import { artifactParams } from "@/lib/schemas/query";

// GET /api/v1/artifacts/{id} — an artifact with its producers, consumers and model versions
export const GET = withApi<{ id: string }>(
  async ({ params }) => getArtifact(db(), artifactParams.parse(params).id),
  { scope: "read" },
);
