import { z } from "zod";
import { clientId } from "./common";

// GET /compare?executions=uuid1,uuid2,…&baseline=uuid&step=N&rank=R&only=diff
// (chart view state — x, log, smooth, hide, z.<key> — is read by the charts themselves).

export const MAX_COMPARED = 50;

const blankIsAbsent = (v: unknown) => (v === "" || (Array.isArray(v) && v.length === 0) ? undefined : Array.isArray(v) ? v[0] : v);

export const compareQuery = z.object({
  executions: z.preprocess(
    (v) => (Array.isArray(v) ? v.join(",") : v ?? ""),
    z
      .string()
      .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
      .pipe(z.array(clientId).max(MAX_COMPARED, `must list at most ${MAX_COMPARED} executions; compare fewer at a time`)),
  ),
  baseline: z.preprocess(blankIsAbsent, clientId.optional()),
  step: z.preprocess(blankIsAbsent, z.coerce.number({ error: "must be a step number" }).int("must be an integer step").min(0, "must be a step ≥ 0").optional()),
  rank: z.preprocess(blankIsAbsent, z.coerce.number({ error: "must be a rank" }).int().min(0).max(1_000_000).default(0)),
  only: z.preprocess(blankIsAbsent, z.enum(["diff"], { error: "must be 'diff' or left out" }).optional()),
});

export type CompareQuery = z.infer<typeof compareQuery>;
