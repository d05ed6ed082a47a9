import { z } from "zod";
import { clientId, name } from "./common";

// GET /api/v1/series?execution=&key=&rank=&from=&to=&buckets=

export const MAX_BUCKETS = 10_000;
export const MAX_RANK = 1_000_000;

// Query strings carry empty values (`rank=&from=`) for "not given".
const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);
const queryNumber = (message: string) => z.coerce.number({ error: message }).refine(Number.isFinite, message);

// `.meta` tells the OpenAPI document what the preprocessing hides from it.
function intParam(what: string, min: number, max: number, fallback: number) {
  const message = `must be ${what}, an integer from ${min} to ${max}`;
  return z
    .preprocess(blankIsAbsent, queryNumber(message).pipe(z.number().int(message).min(min, message).max(max, message)).default(fallback))
    .meta({ type: "integer", minimum: min, maximum: max, default: fallback });
}

function stepParam(description: string) {
  return z.preprocess(blankIsAbsent, queryNumber("must be a step number").optional()).meta({ type: "number", description });
}

export const seriesQuery = z
  .object({
    execution: z.string({ error: "is required: the uuid of the execution that logged the series" }).pipe(clientId),
    key: z.string({ error: "is required: the series key, e.g. train_loss" }).pipe(name),
    rank: intParam("a rank", 0, MAX_RANK, 0),
    from: stepParam("first step of the window (default: the series' first step)"),
    to: stepParam("last step of the window (default: the series' last step)"),
    buckets: intParam("a bucket count", 1, MAX_BUCKETS, 1000),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `must not exceed to (got from=${q.from}, to=${q.to}); swap them` });
    }
  });

export type SeriesQuery = z.infer<typeof seriesQuery>;
