import { z } from "zod";
import { limit, name } from "./common";
import { LIMITS } from "./limits";

// Query strings of the read API.

// `sort=-startedAt`, `sort=metrics.test_loss`, `sort=params.lr:desc`
export const SORT_FIELDS = ["name", "status", "stage", "pipeline", "startedAt", "endedAt"] as const;
const sortSpec = z
  .string()
  .max(300)
  .regex(
    /^-?(name|status|stage|pipeline|startedAt|endedAt|metrics\.[A-Za-z0-9_.\-/]+|params\.[A-Za-z0-9_.\-/]+)(:(asc|desc))?$/,
    "must be a field (name, status, stage, pipeline, startedAt, endedAt, metrics.<key>, params.<key>), optionally prefixed with '-' or followed by ':asc'/':desc'",
  );

export const executionsQuery = z.object({
  pipeline: name.optional(),
  stage: name.optional(),
  filter: z.string().max(LIMITS.filterChars, `must be at most ${LIMITS.filterChars} characters`).optional(),
  sort: sortSpec.default("-startedAt"),
  limit: limit(500, 50),
  cursor: z.string().max(200).optional(),
});
export type ExecutionsQuery = z.infer<typeof executionsQuery>;

export const executionParams = z.object({ uuid: z.string().min(1).max(128) });
export const artifactParams = z.object({
  id: z.coerce.number({ error: "must be a numeric artifact id" }).int().positive("must be a positive artifact id"),
});
