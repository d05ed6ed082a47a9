import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { withBearerFromBasic } from "@/lib/interop/basic-auth";
import { pushCmfResponse } from "@/lib/interop/cmf/push";

const push = withApi(
  async ({ req, principal }) => pushCmfResponse(db(), await readJson(req, env().PROVSCOPE_MAX_BODY_BYTES), principal?.name ?? "anonymous"),
  { scope: "write" },
);

// POST /api/mlmd_push — CMF's push endpoint (point a CMF client's server URL at Provscope's /api);
// Basic credentials (the token as password, from the URL or ~/.netrc) count as the Bearer token.
export const POST = (req: Request, ctx: { params: Promise<Record<string, never>> }) => push(withBearerFromBasic(req), ctx);
