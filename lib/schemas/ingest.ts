import { z } from "zod";
import { clientId, isoTime, jsonObject, metricValue, name, NON_FINITE } from "./common";
import { LIMITS, PROTOTYPE_KEYS } from "./limits";

// POST /api/v1/batches — the one write path. Every interop endpoint maps onto these ops.

export const ARTIFACT_TYPES = ["dataset", "model", "metrics", "step_metrics", "environment", "other"] as const;
export const MAX_OPS = LIMITS.opsPerBatch;
export const MAX_POINTS_PER_OP = LIMITS.pointsPerSeriesOp;
const hash = z
  .string()
  .min(1, "must not be empty")
  .max(LIMITS.hashChars, `must be at most ${LIMITS.hashChars} characters`);

const executionStart = z.strictObject({
  op: z.literal("execution.start"),
  pipeline: name,
  stage: name,
  execution: clientId,
  parent: clientId.optional(), // an execution started earlier that launched this one
  name: name.optional(),
  params: jsonObject.optional(),
  properties: jsonObject.optional(),
  startedAt: isoTime.optional(),
});

const executionEnd = z.strictObject({
  op: z.literal("execution.end"),
  execution: clientId,
  status: z.enum(["COMPLETED", "FAILED"]),
  endedAt: isoTime.optional(),
});

const artifact = z.strictObject({
  op: z.literal("artifact"),
  execution: clientId,
  direction: z.enum(["input", "output"]),
  type: z.enum(ARTIFACT_TYPES),
  name,
  uri: z.string().max(LIMITS.uriChars, `must be at most ${LIMITS.uriChars} characters`).optional(),
  hash,
  size: z.number().int().nonnegative().optional(),
  properties: jsonObject.optional(),
});

// Point arrays are checked in one pass each: element-wise zod schemas cost ~8 ms per 10,000 points,
// a third of a series op's ingest time. Paths and messages keep the element schemas' semantics:
// the first bad element is reported at ops.N.<field>.I.
const isNonFinite = (v: unknown): v is (typeof NON_FINITE)[number] => v === "NaN" || v === "Infinity" || v === "-Infinity";
const shown = (v: unknown) => (typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : String(v));

// `items` documents the elements in the OpenAPI document, which cannot see into the custom check.
function pointArray<T>(what: string, min: number, items: Record<string, unknown>, check: (v: unknown, i: number, a: unknown[]) => string | null) {
  return z
    .custom<T[]>((v) => Array.isArray(v), { error: (iss) => `must be an array of ${what}, received ${iss.input === null ? "null" : typeof iss.input}` })
    .superRefine((arr, ctx) => {
      if (arr.length < min) return ctx.addIssue({ code: "custom", message: `must hold at least ${min} point` });
      if (arr.length > MAX_POINTS_PER_OP) {
        return ctx.addIssue({ code: "custom", message: `must hold at most ${MAX_POINTS_PER_OP} points; split the series into several ops` });
      }
      for (let i = 0; i < arr.length; i++) {
        const problem = check(arr[i], i, arr);
        if (problem) return ctx.addIssue({ code: "custom", path: [i], message: problem });
      }
    })
    .meta({ type: "array", items, ...(min > 0 ? { minItems: min } : {}), maxItems: MAX_POINTS_PER_OP });
}

const seriesSteps = pointArray<number>("integer steps", 1, { type: "integer", minimum: 0 }, (v, i, a) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return `must be an integer step >= 0, received ${shown(v)}`;
  if (i > 0 && v <= (a[i - 1] as number)) return "steps must be strictly increasing within one series op";
  return null;
});
const seriesValues = pointArray<number | (typeof NON_FINITE)[number]>("values", 0, { anyOf: [{ type: "number" }, { enum: [...NON_FINITE] }] }, (v) =>
  (typeof v === "number" && Number.isFinite(v)) || isNonFinite(v) ? null : 'must be a number or one of "NaN", "Infinity", "-Infinity"',
);
const seriesTimes = pointArray<number>("times (ms since the epoch)", 0, { type: "number", minimum: 0 }, (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? null : `must be a time in ms since the epoch (a number >= 0), received ${shown(v)}`,
);

const series = z
  .strictObject({
    op: z.literal("series"),
    execution: clientId,
    key: name,
    rank: z.number().int().min(0).max(1_000_000).default(0),
    steps: seriesSteps,
    values: seriesValues,
    times: seriesTimes.optional(),
  })
  .superRefine((op, ctx) => {
    if (op.values.length !== op.steps.length) {
      ctx.addIssue({ code: "custom", path: ["values"], message: `has ${op.values.length} entries but steps has ${op.steps.length}` });
    }
    if (op.times && op.times.length !== op.steps.length) {
      ctx.addIssue({ code: "custom", path: ["times"], message: `has ${op.times.length} entries but steps has ${op.steps.length}` });
    }
  });

// Metric names are checked on the raw object: zod's record drops an own "__proto__" key silently
// (the metric would vanish) and reports a bad key only as "Invalid key in record".
const noPrototypeKeys = "metric keys must not be __proto__, constructor or prototype";
const metricValues = z.preprocess(
  (v, ctx) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    for (const k of Object.keys(v)) {
      const bad = PROTOTYPE_KEYS.has(k) ? noPrototypeKeys : name.safeParse(k).error?.issues[0].message;
      if (bad) {
        ctx.addIssue({ code: "custom", path: [k], message: PROTOTYPE_KEYS.has(k) ? bad : `metric key ${bad}` });
        break;
      }
    }
    return v;
  },
  z.record(z.string(), metricValue).refine((v) => Object.keys(v).length > 0, "must hold at least one metric"),
);

const metrics = z.strictObject({
  op: z.literal("metrics"),
  execution: clientId,
  values: metricValues,
});

const modelVersion = z.strictObject({
  op: z.literal("model.version"),
  model: name,
  hash,
  execution: clientId.optional(),
});

export const ingestOp = z.discriminatedUnion("op", [executionStart, executionEnd, artifact, series, metrics, modelVersion], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? "unknown op; expected one of execution.start, execution.end, artifact, series, metrics, model.version"
      : undefined,
});

export const ingestBatchBody = z.strictObject({
  batchId: clientId,
  ops: z.array(ingestOp).min(1, "must hold at least one op").max(MAX_OPS, `must hold at most ${MAX_OPS} ops; split the batch`),
});

export type IngestOp = z.infer<typeof ingestOp>;
export type IngestBatchBody = z.infer<typeof ingestBatchBody>;
export type IngestBatchInput = z.input<typeof ingestBatchBody>;
export type OpResult = Record<string, unknown> & { op: IngestOp["op"] };
export type IngestBatchResponse = { batchId: string; applied: number; results: OpResult[] };
