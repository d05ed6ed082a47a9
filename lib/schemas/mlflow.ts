import { z } from "zod";
import { NON_FINITE } from "./common";
import { LIMITS } from "./limits";
import { aliasName } from "./registry";

// The MLflow tracking REST subset under /api/2.0/mlflow/: bodies (POST, DELETE) and query strings
// (GET), field names as in MLflow's REST reference. Unknown fields are dropped, as MLflow's own
// server ignores them; int64 fields arrive as numbers or, from protobuf JSON, as digit strings.

export const MLFLOW_LIMITS = { metrics: 1000, params: 100, tags: 100, total: 1000, key: 250, paramValue: 6000, tagValue: 8000 } as const;
export const RUN_STATUSES = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"] as const;

const text = (what: string, max: number) =>
  z
    .string({ error: `is required: ${what}` })
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");
const key = text("a key (1 to 250 characters)", MLFLOW_LIMITS.key).min(1, "must not be empty");
const int64 = z.union([z.number().int(), z.string().regex(/^-?\d{1,19}$/).transform(Number)], {
  error: "must be an integer (a number or a string of digits)",
});
const queryInt = z.coerce.number({ error: "must be an integer" }).int("must be an integer").positive("must be > 0");
// Protobuf JSON writes NaN and infinities as strings.
const double = z.union([z.number(), z.enum(NON_FINITE)], { error: 'must be a number or one of "NaN", "Infinity", "-Infinity"' });
// Param and tag values are strings in MLflow; a client that sends a number means its text.
const stringValue = (max: number) =>
  z.union([z.string(), z.number(), z.boolean()], { error: "must be a string" }).transform(String).pipe(z.string().max(max, `must be at most ${max} characters`));

const tag = z.object({ key, value: stringValue(MLFLOW_LIMITS.tagValue) });
const param = z.object({ key, value: stringValue(MLFLOW_LIMITS.paramValue) });
const metric = z.object({ key, value: double, timestamp: int64.optional(), step: int64.default(0) });

const experimentId = z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1).max(64));
const runRef = { run_id: z.string().min(1).max(128).optional(), run_uuid: z.string().min(1).max(128).optional() };
// `run_uuid` is MLflow's deprecated spelling of `run_id`; either names the run.
type RunRef = { run_id?: string; run_uuid?: string };
const hasRunId = (o: RunRef) => Boolean(o.run_id ?? o.run_uuid);
const runIdRequired = { message: "run_id is required: the id of the run (runs/create returns it)", path: ["run_id"] };
const toRunId = <T extends RunRef>({ run_id, run_uuid, ...rest }: T) => ({ ...rest, runId: (run_id ?? run_uuid)! });

export const createExperimentBody = z.object({
  name: text("the experiment name", 256).min(1, "must not be empty"),
  artifact_location: z.string().max(4096).optional(),
  tags: z.array(tag).max(MLFLOW_LIMITS.tags).optional(),
});
export const getExperimentQuery = z.object({ experiment_id: experimentId });
export const getExperimentByNameQuery = z.object({ experiment_name: text("the experiment name", 256).min(1, "must not be empty") });

export const createRunBody = z.object({
  experiment_id: experimentId.optional(),
  user_id: z.string().max(256).optional(),
  run_name: text("the run name", 256).optional(),
  start_time: int64.optional(),
  tags: z.array(tag).max(MLFLOW_LIMITS.tags).default([]),
});
export const updateRunBody = z
  .object({
    ...runRef,
    status: z.enum(RUN_STATUSES).optional(),
    end_time: int64.optional(),
    run_name: text("the run name", 256).optional(),
  })
  .refine(hasRunId, runIdRequired)
  .transform(toRunId);
export const getRunQuery = z.object(runRef).refine(hasRunId, runIdRequired).transform(toRunId);

export const searchRunsBody = z.object({
  experiment_ids: z.array(experimentId).max(100).default([]),
  filter: z.string().max(LIMITS.filterChars, `must be at most ${LIMITS.filterChars} characters`).optional(),
  run_view_type: z.enum(["ACTIVE_ONLY", "DELETED_ONLY", "ALL"]).default("ACTIVE_ONLY"),
  max_results: z.number().int().min(1).max(50_000).default(1000),
  order_by: z.array(z.string().max(300)).max(10).default([]),
  page_token: z.string().max(200).optional(),
});

export const logMetricBody = z.object({ ...runRef, key, value: double, timestamp: int64.optional(), step: int64.default(0) }).refine(hasRunId, runIdRequired).transform(toRunId);
export const logParamBody = z.object({ ...runRef, key, value: stringValue(MLFLOW_LIMITS.paramValue) }).refine(hasRunId, runIdRequired).transform(toRunId);
export const setTagBody = z.object({ ...runRef, key, value: stringValue(MLFLOW_LIMITS.tagValue) }).refine(hasRunId, runIdRequired).transform(toRunId);

// MLflow's LogBatch limits, with the message its tracking server gives.
const tooMany = (n: number, max: number, what: string) =>
  `A batch logging request can contain at most ${max} ${what}. Got ${n} ${what}. Please split up ${what} across multiple requests and try again.`;
function batchLimits(b: { metrics: unknown[]; params: unknown[]; tags: unknown[] }, ctx: z.RefinementCtx) {
  const checks: Array<[number, number, string]> = [
    [b.metrics.length, MLFLOW_LIMITS.metrics, "metrics"],
    [b.params.length, MLFLOW_LIMITS.params, "params"],
    [b.tags.length, MLFLOW_LIMITS.tags, "tags"],
  ];
  for (const [n, max, what] of checks) if (n > max) return ctx.addIssue({ code: "custom", message: tooMany(n, max, what) });
  const total = b.metrics.length + b.params.length + b.tags.length;
  if (total > MLFLOW_LIMITS.total) {
    ctx.addIssue({
      code: "custom",
      message: `A batch logging request can contain at most ${MLFLOW_LIMITS.total} metrics, params, and tags in total. Got ${total}. Please split up the data across multiple requests and try again.`,
    });
  }
}
export const logBatchBody = z
  .object({ ...runRef, metrics: z.array(metric).default([]), params: z.array(param).default([]), tags: z.array(tag).default([]) })
  .refine(hasRunId, runIdRequired)
  .superRefine(batchLimits)
  .transform(toRunId);

export const getMetricHistoryQuery = z
  .object({ ...runRef, metric_key: key, max_results: queryInt.max(1_000_000).optional(), page_token: z.string().max(200).optional() })
  .refine(hasRunId, runIdRequired)
  .transform(toRunId);

const modelName = text("the registered model name", 256).min(1, "must not be empty");
export const createRegisteredModelBody = z.object({ name: modelName, tags: z.array(tag).max(MLFLOW_LIMITS.tags).optional(), description: z.string().max(5000).optional() });
export const getRegisteredModelQuery = z.object({ name: modelName });
export const createModelVersionBody = z.object({
  name: modelName,
  source: z.string({ error: "is required: where the model files are (e.g. runs:/<run_id>/model)" }).min(1, "must not be empty").max(4096),
  run_id: z.string().min(1).max(128).optional(),
  tags: z.array(tag).max(MLFLOW_LIMITS.tags).optional(),
  run_link: z.string().max(4096).optional(),
  description: z.string().max(5000).optional(),
});

const version = z
  .union([z.number(), z.string().regex(/^\d+$/, "must be a version number such as \"3\"").transform(Number)], { error: 'must be a version number such as "3"' })
  .pipe(z.number().int().min(1, "must be >= 1"));
export const aliasRef = z.object({ name: modelName, alias: aliasName });
export const setAliasBody = aliasRef.extend({ version });

export type CreateExperimentBody = z.infer<typeof createExperimentBody>;
export type CreateRunBody = z.infer<typeof createRunBody>;
export type UpdateRunBody = z.infer<typeof updateRunBody>;
export type SearchRunsBody = z.infer<typeof searchRunsBody>;
export type LogMetricBody = z.infer<typeof logMetricBody>;
export type LogBatchBody = z.infer<typeof logBatchBody>;
export type GetMetricHistoryQuery = z.infer<typeof getMetricHistoryQuery>;
export type CreateModelVersionBody = z.infer<typeof createModelVersionBody>;
export type MlflowMetric = z.infer<typeof metric>;
export type MlflowRunStatus = (typeof RUN_STATUSES)[number];
