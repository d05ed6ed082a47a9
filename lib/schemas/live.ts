import { z } from "zod";
import { clientId, limit, name } from "./common";
import { LIMITS } from "./limits";

// GET /api/v1/changes — what changed since a cursor, for pages that refresh in place.

export const MAX_WATCH = 200;
export const DEFAULT_STALL_SECONDS = 300;

const watchList = z
  .string()
  .max(MAX_WATCH * 130)
  .transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean))
  .pipe(z.array(clientId).max(MAX_WATCH, `must name at most ${MAX_WATCH} executions`));

export const CHANGE_PARTS = ["executions", "series", "events"] as const;
export type ChangePart = (typeof CHANGE_PARTS)[number];

const partList = z
  .string()
  .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHANGE_PARTS, { error: `must list some of ${CHANGE_PARTS.join(", ")}, comma-separated` })));

export const changesQuery = z.object({
  // The `cursor` of the previous answer; omitted on the first call, which only sets the baseline.
  since: z.string().max(300).optional(),
  // Executions whose state (status, activity, stall, series) the caller shows, comma-separated.
  watch: watchList.optional(),
  pipeline: name.optional(),
  stage: name.optional(),
  filter: z.string().max(LIMITS.filterChars, `must be at most ${LIMITS.filterChars} characters`).optional(),
  // RUNNING executions without any new data for this long are flagged as stalled.
  stallSeconds: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(30 * 86_400, "must be at most 2592000 (30 days)")
    .default(DEFAULT_STALL_SECONDS),
  // The parts a page needs (default all); the executions feed is the only one that scans.
  include: partList.optional(),
  limit: limit(500, 100),
});
export type ChangesQuery = z.infer<typeof changesQuery>;
