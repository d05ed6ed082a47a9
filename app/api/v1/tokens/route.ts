import { listTokens } from "@/lib/auth/manage-tokens";
import { createToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { LIMITS } from "@/lib/schemas/limits";
import { createTokenBody } from "@/lib/schemas/tokens";

const SMALL_BODY = LIMITS.smallBodyBytes;

// GET /api/v1/tokens — list API tokens (never their secrets)
export const GET = withApi(async () => ({ tokens: await listTokens(db()) }), { scope: "admin" });

// POST /api/v1/tokens — create a token; the secret is in this response and nowhere else
export const POST = withApi(
  async ({ req }) => {
    const body = createTokenBody.parse(await readJson(req, SMALL_BODY));
    return createToken(db(), body.name, body.scope);
  },
  { scope: "admin", status: 201 },
);
