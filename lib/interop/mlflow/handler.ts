import "server-only";
import type { ZodType } from "zod";
import { authenticate, type Principal } from "../../auth/tokens";
import type { Scope } from "../../auth/token-hash";
import { db } from "../../db/client";
import { env } from "../../env";
import { readJson } from "../../http/body";
import { bearerFromBasic } from "../basic-auth";
import { mlflowErrorResponse } from "./errors";

export type MlflowContext = { principal: Principal | null; actor: string };

// withApi for the MLflow endpoints: the same token check (MLflow clients send
// `Authorization: Bearer $MLFLOW_TRACKING_TOKEN`, or Basic with the token as password), input read
// the way MLflow's server reads it (GET: query string; POST: JSON body; DELETE: either), and
// failures in MLflow's {error_code, message} shape instead of Provscope's envelope.
export function withMlflow<T>(
  schema: ZodType<T>,
  handler: (input: T, ctx: MlflowContext) => Promise<unknown>,
  options: { scope: Scope },
) {
  return async (req: Request): Promise<Response> => {
    try {
      const principal = await authorize(req, options.scope);
      const input = schema.parse(await readInput(req));
      const result = await handler(input, { principal, actor: principal?.name ?? "anonymous" });
      return Response.json(result ?? {});
    } catch (err) {
      return mlflowErrorResponse(err);
    }
  };
}

async function authorize(req: Request, scope: Scope): Promise<Principal | null> {
  const header = bearerFromBasic(req.headers.get("authorization"));
  if (scope === "read" && !header && env().PROVSCOPE_PUBLIC_READ === "1") return null;
  return authenticate(db(), header, scope);
}

async function readInput(req: Request): Promise<unknown> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (req.method === "GET") return query;
  if (req.method === "DELETE" && !hasBody(req)) return query;
  const body = await readJson(req, env().PROVSCOPE_MAX_BODY_BYTES);
  return req.method === "DELETE" && body && typeof body === "object" ? { ...query, ...body } : body;
}

// MLflow's Python client sends DELETE parameters as a JSON body; other clients use the query.
function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  return Boolean(req.body) && (length === null ? req.headers.has("transfer-encoding") : Number(length) > 0);
}
