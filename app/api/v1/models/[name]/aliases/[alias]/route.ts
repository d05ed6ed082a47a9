import { db } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { LIMITS } from "@/lib/schemas/limits";
import { getAlias } from "@/lib/registry/get-alias";
import { promote } from "@/lib/registry/promote";
import { aliasParams, promoteBody } from "@/lib/schemas/registry";

type Params = { name: string; alias: string };
const SMALL_BODY = LIMITS.smallBodyBytes;

// GET /api/v1/models/{name}/aliases/{alias} — the version the alias points at now
export const GET = withApi<Params>(
  async ({ params }) => {
    const { name, alias } = aliasParams.parse(params);
    return getAlias(db(), name, alias);
  },
  { scope: "read" },
);

// POST /api/v1/models/{name}/aliases/{alias} — promote: point the alias at a version, recorded with a reason
export const POST = withApi<Params>(
  async ({ req, params, principal }) => {
    const { name, alias } = aliasParams.parse(params);
    const body = promoteBody.parse(await readJson(req, SMALL_BODY));
    return promote(db(), { model: name, alias, ...body, actor: principal?.name ?? "anonymous" });
  },
  { scope: "write" },
);
