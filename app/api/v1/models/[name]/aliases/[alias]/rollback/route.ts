import { db } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { LIMITS } from "@/lib/schemas/limits";
import { rollback } from "@/lib/registry/rollback";
import { aliasParams, rollbackBody } from "@/lib/schemas/registry";

const SMALL_BODY = LIMITS.smallBodyBytes;

// POST /api/v1/models/{name}/aliases/{alias}/rollback — move the alias back to the previous (or given) version
export const POST = withApi<{ name: string; alias: string }>(
  async ({ req, params, principal }) => {
    const { name, alias } = aliasParams.parse(params);
    const body = rollbackBody.parse(await readJson(req, SMALL_BODY));
    return rollback(db(), { model: name, alias, ...body, actor: principal?.name ?? "anonymous" });
  },
  { scope: "write" },
);
