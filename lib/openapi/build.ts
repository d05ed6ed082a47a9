import { z, type ZodObject, type ZodType } from "zod";

// Small helpers that turn the zod schemas the routes validate with into OpenAPI 3.1 fragments,
// so the document cannot drift from what the server actually accepts.

type Json = Record<string, unknown>;

export const jsonSchema = (schema: ZodType): Json =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;

function parameters(schema: ZodObject | undefined, where: "query" | "path"): Json[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = field as ZodType;
    const { $schema: _drop, ...rest } = jsonSchema(s);
    return { name, in: where, required: where === "path" || !s.safeParse(undefined).success, schema: rest };
  });
}

export type Operation = {
  summary: string;
  scope: "public" | "read" | "write" | "admin";
  query?: ZodObject;
  path?: ZodObject;
  body?: ZodType;
  ok?: number;
};

const errorRef = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorRef } } });

export function operation(op: Operation): Json {
  const responses: Json = {
    [String(op.ok ?? 200)]: { description: "success", content: { "application/json": { schema: { type: "object" } } } },
    ...(op.body ? { 400: errorResponse("malformed JSON"), 413: errorResponse("body too large") } : {}),
    422: errorResponse("invalid parameter or body; `path` names the field"),
    ...(op.scope === "public" ? {} : { 401: errorResponse("missing or invalid token"), 403: errorResponse("token lacks the scope") }),
    404: errorResponse("unknown resource"),
  };
  return {
    summary: op.summary,
    description: `Scope: ${op.scope === "public" ? "none (no token needed)" : `\`${op.scope}\` or higher`}.`,
    ...(op.scope === "public" ? { security: [] } : {}),
    parameters: [...parameters(op.path, "path"), ...parameters(op.query, "query")],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses,
  };
}
