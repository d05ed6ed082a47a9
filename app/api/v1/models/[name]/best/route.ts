import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { bestVersion } from "@/lib/registry/best-version";
import { bestQuery, modelParams } from "@/lib/schemas/registry";

// GET /api/v1/models/{name}/best?metric=&mode=min|max — the version a workflow driver should deploy
export const GET = withApi<{ name: string }>(
  async ({ params, url }) => bestVersion(db(), modelParams.parse(params).name, parseQuery(bestQuery, url)),
  { scope: "read" },
);
