import "server-only";
import { ZodError, type ZodType } from "zod";
import { authenticate, type Principal } from "../auth/tokens";
import type { Scope } from "../auth/token-hash";
import { db } from "../db/client";
import { env } from "../env";
import { FilterSyntaxError } from "../query/filter/parse";
import { ApiError, forbidden, pathString, unprocessable } from "./errors";
import { isSameOrigin, readCookie, SESSION_COOKIE } from "../auth/session-cookie";

export type HandlerContext<P> = { req: Request; url: URL; params: P; principal: Principal | null };
type RouteContext<P> = { params: Promise<P> };

// Wraps a route handler: authorizes, runs it, and turns anything thrown into the one error
// envelope. Handlers return plain data (sent as JSON) or a Response, and just throw on failure.
export function withApi<P = Record<string, never>>(
  handler: (ctx: HandlerContext<P>) => Promise<unknown>,
  options: { scope: Scope | "public"; status?: number },
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await authorize(req, options.scope);
      const params = route?.params ? await route.params : ({} as P);
      const result = await handler({ req, url: new URL(req.url), params, principal });
      if (result instanceof Response) return result;
      return Response.json(result, { status: options.status ?? 200 });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

async function authorize(req: Request, scope: Scope | "public"): Promise<Principal | null> {
  if (scope === "public") return null;
  const header = req.headers.get("authorization");
  if (header) return authenticate(db(), header, scope);
  // The dashboard's own requests carry the signed-in token in the session cookie.
  const cookieToken = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  if (cookieToken) {
    if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
      throw forbidden("cross-origin request refused: changes through the dashboard session must come from its own pages");
    }
    return authenticate(db(), `Bearer ${cookieToken}`, scope);
  }
  // Anonymous reading is opt-in for trusted networks.
  if (scope === "read" && env().PROVSCOPE_PUBLIC_READ === "1") return null;
  return authenticate(db(), null, scope);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function errorResponse(err: unknown): Response {
  const apiError = toApiError(err);
  if (apiError.status >= 500) console.error("[provscope] unexpected error", err);
  return Response.json(apiError.toBody(), { status: apiError.status });
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const path = pathString(issue.path);
    return unprocessable(path ? `${path}: ${issue.message}` : issue.message, path || undefined);
  }
  if (err instanceof FilterSyntaxError) {
    return new ApiError(422, "invalid_filter", err.message, "filter", err.position);
  }
  return new ApiError(500, "internal", "internal error; the details are in the server log");
}

// Validates a query string with a zod schema; failures become 422 with the parameter name.
export function parseQuery<T>(schema: ZodType<T>, url: URL): T {
  return schema.parse(Object.fromEntries(url.searchParams));
}
