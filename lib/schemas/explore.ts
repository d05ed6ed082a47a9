import { z } from "zod";
import { limit, name } from "./common";
import { ARTIFACT_TYPES } from "./ingest";

// Query strings of the explorer: field names for autocomplete, global search, the artifacts list.

// GET /api/v1/executions/fields?pipeline=
export const executionFieldsQuery = z.object({ pipeline: name.optional() });
export type ExecutionFieldsQuery = z.infer<typeof executionFieldsQuery>;

// GET /api/v1/search?q=&limit=
export const searchQuery = z.object({
  q: z
    .string({ error: "is required: the text to search for (a name, uri or hash prefix)" })
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters"),
  limit: limit(25, 6),
});
export type SearchQuery = z.infer<typeof searchQuery>;

// GET /api/v1/artifacts?type=&q=&sort=&limit=&cursor=
export const ARTIFACT_SORT_FIELDS = ["name", "type", "createdAt", "size", "uri"] as const;
export const artifactsQuery = z.object({
  type: z.enum(ARTIFACT_TYPES, { error: `must be one of ${ARTIFACT_TYPES.join(", ")}` }).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  sort: z
    .string()
    .regex(
      /^-?(name|type|createdAt|size|uri)(:(asc|desc))?$/,
      "must be one of name, type, createdAt, size, uri, optionally prefixed with '-' or followed by ':asc'/':desc'",
    )
    .default("-createdAt"),
  limit: limit(500, 50),
  cursor: z.string().max(200).optional(),
});
export type ArtifactsQuery = z.infer<typeof artifactsQuery>;
