import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { aliasHistory } from "@/lib/registry/alias-history";
import { aliasParams } from "@/lib/schemas/registry";

// GET /api/v1/models/{name}/aliases/{alias}/history — every promote and rollback, oldest first
export const GET = withApi<{ name: string; alias: string }>(
  async ({ params }) => {
    const { name, alias } = aliasParams.parse(params);
    return aliasHistory(db(), name, alias);
  },
  { scope: "read" },
);
