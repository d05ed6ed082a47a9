import { z } from "zod";
import { limit, name } from "./common";
import { CONTROL_CHARS_EXCEPT_WHITESPACE, LIMITS } from "./limits";

// Model registry: path params, query strings and bodies of /api/v1/models/...

export const aliasName = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9_.-]{1,${LIMITS.aliasChars}}$`), `must be 1 to ${LIMITS.aliasChars} letters, digits or . _ - (e.g. 'deployed')`);

export const modelParams = z.object({ name });
export const aliasParams = z.object({ name, alias: aliasName });

// GET /api/v1/models: the registry as a table — filter by name, sort by any column, page by cursor.
export const MODEL_SORT_FIELDS = ["name", "versions", "latestVersionAt", "createdAt"] as const;
export const MODEL_SORT = new RegExp(`^-?(${MODEL_SORT_FIELDS.join("|")})(:(asc|desc))?$`);
export const modelsQuery = z.object({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  sort: z
    .string()
    .regex(MODEL_SORT, `must be one of ${MODEL_SORT_FIELDS.join(", ")}, optionally prefixed with '-' or followed by ':asc'/':desc'`)
    .default("name"),
  limit: limit(1000, 500),
  cursor: z.string().max(200).optional(),
});
export type ModelsQuery = z.infer<typeof modelsQuery>;

export const bestQuery = z.object({
  metric: name,
  mode: z.enum(["min", "max"], { error: "must be 'min' (lowest value wins) or 'max' (highest wins)" }).default("min"),
});

const MAX_REASON = LIMITS.reasonChars;
// Every alias move is audited, so a reason is mandatory; whitespace alone does not count.
const reason = z
  .string({ error: "is required: say why the alias moves (a string of 1 to 1000 characters)" })
  .trim()
  .min(1, "must not be empty: say why the alias moves")
  .max(MAX_REASON, `must be at most ${MAX_REASON} characters`)
  .refine((s) => !CONTROL_CHARS_EXCEPT_WHITESPACE.test(s), "must not contain control characters (tab and newline are fine)");

const version = z
  .number({ error: "must be a version number (an integer >= 1)" })
  .int("must be an integer")
  .min(1, "must be >= 1");

export const promoteBody = z.strictObject({ version, reason });
export const rollbackBody = z.strictObject({ reason, version: version.optional() });

export type BestQuery = z.infer<typeof bestQuery>;
export type PromoteBody = z.infer<typeof promoteBody>;
export type RollbackBody = z.infer<typeof rollbackBody>;
