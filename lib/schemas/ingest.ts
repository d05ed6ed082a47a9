import { z } from "zod";
import { clientId, isoTime, jsonObject, metricValue, name } from "./common";

// POST /api/v1/batches — the one write path. Every interop endpoint maps onto these ops.

export const ARTIFACT_TYPES = ["dataset", "model", "metrics", "step_metrics", "environment", "other"] as const;
export const MAX_OPS = 10_000;
export const MAX_POINTS_PER_OP = 100_000;

const executionStart = z.strictObject({
  op: z.literal("execution.start"),
  pipeline: name,
  stage: name,
  execution: clientId,
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
  uri: z.string().max(4096).optional(),
  hash: z.string().min(1).max(256),
  size: z.number().int().nonnegative().optional(),
  properties: jsonObject.optional(),
});

const series = z
  .strictObject({
    op: z.literal("series"),
    execution: clientId,
    key: name,
    rank: z.number().int().min(0).max(1_000_000).default(0),
    steps: z.array(z.number().int().nonnegative()).min(1).max(MAX_POINTS_PER_OP),
    values: z.array(metricValue).max(MAX_POINTS_PER_OP),
    times: z.array(z.number().nonnegative()).max(MAX_POINTS_PER_OP).optional(),
  })
  .superRefine((op, ctx) => {
    if (op.values.length !== op.steps.length) {
      ctx.addIssue({ code: "custom", path: ["values"], message: `has ${op.values.length} entries but steps has ${op.steps.length}` });
    }
    if (op.times && op.times.length !== op.steps.length) {
      ctx.addIssue({ code: "custom", path: ["times"], message: `has ${op.times.length} entries but steps has ${op.steps.length}` });
    }
    for (let i = 1; i < op.steps.length; i++) {
      if (op.steps[i] <= op.steps[i - 1]) {
        ctx.addIssue({ code: "custom", path: ["steps", i], message: "steps must be strictly increasing within one series op" });
        return;
      }
    }
  });

const metrics = z.strictObject({
  op: z.literal("metrics"),
  execution: clientId,
  values: z.record(name, metricValue).refine((v) => Object.keys(v).length > 0, "must hold at least one metric"),
});

const modelVersion = z.strictObject({
  op: z.literal("model.version"),
  model: name,
  hash: z.string().min(1).max(256),
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
