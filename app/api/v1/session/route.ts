import { authenticate } from "@/lib/auth/tokens";
import { clearedSessionCookie, sessionCookie } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { withApi } from "@/lib/http/handler";
import { LIMITS } from "@/lib/schemas/limits";
import { signInBody } from "@/lib/schemas/session";

// GET /api/v1/session — who the dashboard is signed in as (name and scope of the token)
export const GET = withApi(async ({ principal }) => ({ name: principal?.name ?? null, scope: principal?.scope ?? null }), {
  scope: "read",
});

// POST /api/v1/session — sign the dashboard in: checks the token, then keeps it in an httpOnly cookie
export const POST = withApi(
  async ({ req, url }) => {
    const { token } = signInBody.parse(await readJson(req, LIMITS.sessionBodyBytes));
    const principal = await authenticate(db(), `Bearer ${token}`, "read");
    return Response.json(
      { name: principal.name, scope: principal.scope },
      { headers: { "set-cookie": sessionCookie(token, url.protocol === "https:") } },
    );
  },
  { scope: "public" },
);

// DELETE /api/v1/session — sign out
export const DELETE = withApi(async () => Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie } }), {
  scope: "public",
});
