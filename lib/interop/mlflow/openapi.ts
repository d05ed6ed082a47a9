import { z, type ZodObject, type ZodType } from "zod";
import { jsonSchema } from "../../openapi/build";
import * as s from "../../schemas/mlflow";

// OpenAPI entries for the MLflow subset. Its errors are MLflow's {error_code, message}, not
// Provscope's envelope, so these operations are built here rather than with operation().

type Json = Record<string, unknown>;
type Spec = { summary: string; scope: "read" | "write"; body?: ZodType; query?: ZodType };

const mlflowError = {
  description: "MLflow error: INVALID_PARAMETER_VALUE / RESOURCE_ALREADY_EXISTS (400), UNAUTHENTICATED (401), PERMISSION_DENIED (403), RESOURCE_DOES_NOT_EXIST / ENDPOINT_NOT_FOUND (404)",
  content: {
    "application/json": {
      schema: { type: "object", required: ["error_code", "message"], properties: { error_code: { type: "string" }, message: { type: "string" } } },
    },
  },
};

// The object a query schema validates, before its refinements and transforms.
const objectOf = (schema: ZodType): ZodObject => (schema instanceof z.ZodPipe ? objectOf(schema.in as ZodType) : (schema as ZodObject));

function op(spec: Spec): Json {
  const query = spec.query ? objectOf(spec.query) : undefined;
  return {
    summary: spec.summary,
    description: `MLflow REST API (https://mlflow.org/docs/latest/rest-api.html). Scope: \`${spec.scope}\` or higher; send the token as Bearer (MLFLOW_TRACKING_TOKEN) or as the Basic password.`,
    tags: ["MLflow"],
    parameters: query
      ? Object.entries(query.shape).map(([name, field]) => {
          const { $schema: _drop, ...schema } = jsonSchema(field as ZodType);
          return { name, in: "query", required: !(field as ZodType).safeParse(undefined).success, schema };
        })
      : [],
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } } : {}),
    responses: { 200: { description: "success", content: { "application/json": { schema: { type: "object" } } } }, default: mlflowError },
  };
}

const P = "/api/2.0/mlflow";
export function mlflowOpenApiPaths(): Record<string, Record<string, Json>> {
  return {
    [`${P}/experiments/create`]: { post: op({ summary: "Create an experiment (a pipeline)", scope: "write", body: s.createExperimentBody }) },
    [`${P}/experiments/get`]: { get: op({ summary: "An experiment by id (\"0\" is Default)", scope: "read", query: s.getExperimentQuery }) },
    [`${P}/experiments/get-by-name`]: { get: op({ summary: "An experiment by name", scope: "read", query: s.getExperimentByNameQuery }) },
    [`${P}/runs/create`]: { post: op({ summary: "Start a run (an execution)", scope: "write", body: s.createRunBody }) },
    [`${P}/runs/update`]: { post: op({ summary: "End or rename a run", scope: "write", body: s.updateRunBody }) },
    [`${P}/runs/get`]: { get: op({ summary: "A run with latest metrics, params, tags", scope: "read", query: s.getRunQuery }) },
    [`${P}/runs/search`]: { post: op({ summary: "Search runs: filter (AND of metrics/params/attributes), order_by, paging", scope: "read", body: s.searchRunsBody }) },
    [`${P}/runs/log-metric`]: { post: op({ summary: "Log one metric point", scope: "write", body: s.logMetricBody }) },
    [`${P}/runs/log-batch`]: { post: op({ summary: "Log metrics (≤1000), params (≤100), tags (≤100) at once", scope: "write", body: s.logBatchBody }) },
    [`${P}/runs/log-parameter`]: { post: op({ summary: "Log a write-once param", scope: "write", body: s.logParamBody }) },
    [`${P}/runs/set-tag`]: { post: op({ summary: "Set a run tag", scope: "write", body: s.setTagBody }) },
    [`${P}/metrics/get-history`]: { get: op({ summary: "Every point of a run's metric", scope: "read", query: s.getMetricHistoryQuery }) },
    [`${P}/registered-models/create`]: { post: op({ summary: "Register a model name", scope: "write", body: s.createRegisteredModelBody }) },
    [`${P}/registered-models/get`]: { get: op({ summary: "A registered model with latest version and aliases", scope: "read", query: s.getRegisteredModelQuery }) },
    [`${P}/model-versions/create`]: { post: op({ summary: "A run's model as the next version (run_id required)", scope: "write", body: s.createModelVersionBody }) },
    [`${P}/registered-models/alias`]: {
      post: op({ summary: "Point an alias at a version (recorded promote)", scope: "write", body: s.setAliasBody }),
      get: op({ summary: "The version an alias points at", scope: "read", query: s.aliasRef }),
      delete: op({ summary: "Unset an alias (recorded removal); body or query", scope: "write", body: s.aliasRef }),
    },
    [`${P}/{...path}`]: Object.fromEntries(
      ["get", "post", "patch", "delete"].map((m) => [m, { summary: "Any other MLflow endpoint: 404 ENDPOINT_NOT_FOUND", tags: ["MLflow"], security: [], responses: { 404: mlflowError } }]),
    ),
  };
}
