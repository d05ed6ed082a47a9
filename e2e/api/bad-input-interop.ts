// Bad-input corpus, part 3: the imports — OpenLineage events, CMF pushes and the MLflow subset.
import { json, type BadCase, type Seed } from "./bad-input-corpus";

type Row = [name: string, body: unknown, status?: number];

const nested = (levels: number): unknown => (levels === 0 ? {} : { f: nested(levels - 1) });

export function interopCases(s: Seed): BadCase[] {
  const cases: BadCase[] = [];
  const post = (prefix: string, url: string, rows: Row[]) => {
    for (const [name, body, status] of rows) cases.push({ name: `${prefix}: ${name}`, method: "POST", url, body: typeof body === "string" ? body : json(body), ...(status ? { status } : {}) });
  };

  // OpenLineage: a RunEvent with one thing wrong.
  const run = (over: Record<string, unknown>) => ({
    eventType: "START",
    eventTime: "2026-11-22T10:00:00Z",
    run: { runId: `${s.prefix}-ol-run` },
    job: { namespace: `${s.prefix}-ns`, name: "job" },
    inputs: [],
    outputs: [],
    ...over,
  });
  post("openlineage", "/api/v1/lineage", [
    ["runId missing", run({ run: {} })],
    ["runId with spaces", run({ run: { runId: "a b c" } })],
    ["runId with SQL", run({ run: { runId: "r'; DELETE FROM Execution; --" } })],
    ["runId of 129 characters", run({ run: { runId: "r".repeat(129) } })],
    ["run a string", run({ run: "r1" })],
    ["eventTime missing", run({ eventTime: undefined })],
    ["eventTime in words", run({ eventTime: "now" })],
    ["eventTime a number", run({ eventTime: 1763805600000 })],
    ["eventType EXPLODE", run({ eventType: "EXPLODE" })],
    ["job missing", run({ job: undefined })],
    ["job name empty", run({ job: { namespace: "n", name: "" } })],
    ["job namespace a number", run({ job: { namespace: 5, name: "j" } })],
    ["inputs an object", run({ inputs: { name: "d" } })],
    ["input without a name", run({ inputs: [{ namespace: "n" }] })],
    ["run facets an array", run({ run: { runId: `${s.prefix}-ol-run`, facets: [1, 2] } })],
    ["nested 65 levels (MAX_EVENT_DEPTH)", run({ run: { runId: `${s.prefix}-ol-run`, facets: nested(65) } })],
    ["an array", [run({})]],
    ["neither run, job nor dataset", { eventTime: "2026-11-22T10:00:00Z", producer: "x" }],
  ]);
  post("openlineage batch", "/api/v1/lineage/batch", [
    ["an object", run({})],
    ["10,001 events (MAX_EVENTS_PER_BATCH)", Array.from({ length: 10_001 }, () => 0)],
    ["a string", "\"events\""],
  ]);

  // CMF push: the decoded document, with one thing wrong.
  const exec = (props: Record<string, unknown>, events: unknown[] = []) => ({ name: "e", properties: { Execution_uuid: `${s.prefix}-cmf-e`, ...props }, custom_properties: {}, events });
  const doc = (stages: unknown) => ({ pipeline_name: `${s.prefix}-cmf`, Pipeline: [{ name: `${s.prefix}-cmf`, stages }] });
  post("cmf", "/api/mlmd_push", [
    ["no payload", { pipeline_name: "p" }, 400],
    ["json_payload not JSON", { pipeline_name: "p", json_payload: "{not json" }, 400],
    ["json_payload a number", { pipeline_name: "p", json_payload: 5 }],
    ["empty Pipeline list", { Pipeline: [] }, 400],
    ["Pipeline an object", { Pipeline: { name: "p" } }],
    ["Pipeline of nulls", { Pipeline: [null] }],
    ["pipeline_name not in the document", { pipeline_name: "other", Pipeline: [{ name: `${s.prefix}-cmf`, stages: [] }] }, 404],
    ["pipeline name empty", { Pipeline: [{ name: "", stages: [] }] }],
    ["stages an object", doc({ s: 1 })],
    ["execution without Execution_uuid", doc([{ name: "s", executions: [{ name: "e", properties: {}, custom_properties: {}, events: [] }] }]), 422],
    ["unknown exec_uuid", { ...doc([{ name: "s", executions: [exec({})] }]), exec_uuid: `${s.prefix}-not-there` }, 404],
    ["event artifact without type", doc([{ name: "s", executions: [exec({}, [{ type: 3, artifact: { name: "d" } }])] }])],
    ["event type a string", doc([{ name: "s", executions: [exec({}, [{ type: "INPUT", artifact: { type: "Dataset", name: "d" } }])] }])],
    ["execution uuid with SQL", doc([{ name: "s", executions: [exec({ Execution_uuid: "x'; DROP TABLE Execution; --" })] }])],
    ["stage name of 300 characters", doc([{ name: "s".repeat(300), executions: [exec({})] }])],
  ]);

  // MLflow: each endpoint with one thing wrong (MLflow answers 400 for bad parameters, 404 for unknown ids).
  const ml = (path: string, rows: Row[]) => post(`mlflow ${path}`, `/api/2.0/mlflow/${path}`, rows);
  const runRef = { run_id: s.runId };
  const ghost = { run_id: `${s.prefix}-no-run` };
  ml("experiments/create", [
    ["name missing", {}, 400],
    ["name empty", { name: "" }, 400],
    ["name with a tab", { name: "a\tb" }, 400],
    ["name of 257 characters", { name: "e".repeat(257) }, 400],
    ["tags an object", { name: `${s.prefix}-x`, tags: { a: 1 } }, 400],
  ]);
  ml("runs/create", [
    ["unknown experiment", { experiment_id: "987654321" }, 404],
    ["start_time in words", { experiment_id: s.experimentId, start_time: "yesterday" }, 400],
    ["tag key of 251 characters", { experiment_id: s.experimentId, tags: [{ key: "k".repeat(251), value: "v" }] }, 400],
    ["run_name with a control character", { experiment_id: s.experimentId, run_name: "a\u0001b" }, 400],
    ["101 tags", { experiment_id: s.experimentId, tags: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: "v" })) }, 400],
  ]);
  ml("runs/update", [
    ["run_id missing", { status: "FINISHED" }, 400],
    ["unknown run", { ...ghost, status: "FINISHED" }, 404],
    ["unknown status", { ...runRef, status: "DONE" }, 400],
    ["end_time in words", { ...runRef, end_time: "later" }, 400],
  ]);
  ml("runs/log-metric", [
    ["unknown run", { ...ghost, key: "m", value: 1, timestamp: 1, step: 0 }, 404],
    ["value in words", { ...runRef, key: "m", value: "abc", timestamp: 1 }, 400],
    ["value null", { ...runRef, key: "m", value: null, timestamp: 1 }, 400],
    ["fractional step", { ...runRef, key: "m", value: 1, timestamp: 1, step: 1.5 }, 400],
    ["key missing", { ...runRef, value: 1, timestamp: 1 }, 400],
    ["timestamp in words", { ...runRef, key: "m", value: 1, timestamp: "x" }, 400],
    ["step beyond int64", { ...runRef, key: "m", value: 1, timestamp: 1, step: "99999999999999999999" }, 400],
  ]);
  ml("runs/log-parameter", [
    ["value of 6,001 characters", { ...runRef, key: "p", value: "v".repeat(6001) }, 400],
    ["key empty", { ...runRef, key: "", value: "v" }, 400],
    ["unknown run", { ...ghost, key: "p", value: "v" }, 404],
  ]);
  ml("runs/set-tag", [
    ["value of 8,001 characters", { ...runRef, key: "t", value: "v".repeat(8001) }, 400],
    ["key with a newline", { ...runRef, key: "a\nb", value: "v" }, 400],
    ["unknown run", { ...ghost, key: "t", value: "v" }, 404],
  ]);
  ml("runs/log-batch", [
    ["1,001 metrics", { ...runRef, metrics: Array.from({ length: 1001 }, (_, i) => ({ key: "m", value: i, timestamp: 1, step: i })) }, 400],
    ["101 params", { ...runRef, params: Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "v" })) }, 400],
    ["unknown run", { ...ghost, metrics: [{ key: "m", value: 1, timestamp: 1, step: 0 }] }, 404],
    ["metric value in words", { ...runRef, metrics: [{ key: "m", value: "abc", timestamp: 1, step: 0 }] }, 400],
    ["metrics an object", { ...runRef, metrics: { m: 1 } }, 400],
  ]);
  ml("runs/search", [
    ["filter with SQL tail", { experiment_ids: [s.experimentId], filter: "attributes.status = 'x' OR 1=1 --" }, 400],
    ["filter with a statement", { experiment_ids: [s.experimentId], filter: "metrics.m < 1; DROP TABLE Execution" }, 400],
    ["filter of 2,001 characters", { experiment_ids: [s.experimentId], filter: `metrics.m < ${"1".repeat(1990)}` }, 400],
    ["max_results 0", { experiment_ids: [s.experimentId], max_results: 0 }, 400],
    ["max_results 100,000", { experiment_ids: [s.experimentId], max_results: 100_000 }, 400],
    ["11 order_by clauses", { experiment_ids: [s.experimentId], order_by: Array.from({ length: 11 }, () => "metrics.m") }, 400],
    ["unknown run_view_type", { experiment_ids: [s.experimentId], run_view_type: "EVERYTHING" }, 400],
    ["experiment_ids a string", { experiment_ids: s.experimentId }, 400],
  ]);
  ml("registered-models/create", [
    ["name empty", { name: "" }, 400],
    ["name of 257 characters", { name: "m".repeat(257) }, 400],
    ["name with a control character", { name: "m\u0002" }, 400],
  ]);
  ml("model-versions/create", [
    ["source missing", { name: s.mlModel }, 400],
    ["unknown model", { name: `${s.prefix}-no-model`, source: "runs:/x/model" }, 404],
    ["unknown run", { name: s.mlModel, source: "runs:/x/model", run_id: `${s.prefix}-no-run` }, 404],
  ]);
  ml("registered-models/alias", [
    ["alias with a space", { name: s.mlModel, alias: "a b", version: "1" }, 400],
    ["version in words", { name: s.mlModel, alias: "prod", version: "one" }, 400],
    ["version 0", { name: s.mlModel, alias: "prod", version: 0 }, 400],
    ["unknown model", { name: `${s.prefix}-no-model`, alias: "prod", version: "1" }, 404],
  ]);
  cases.push(
    { name: "mlflow alias delete: unknown model", method: "DELETE", url: "/api/2.0/mlflow/registered-models/alias", body: json({ name: `${s.prefix}-no-model`, alias: "prod" }), status: 404 },
    { name: "mlflow alias delete: invalid alias", method: "DELETE", url: "/api/2.0/mlflow/registered-models/alias", body: json({ name: s.mlModel, alias: "<b>" }), status: 400 },
    { name: "mlflow: unknown endpoint", method: "POST", url: "/api/2.0/mlflow/artifacts/upload", body: json({}), status: 404 },
    { name: "mlflow: write with a read token", method: "POST", url: "/api/2.0/mlflow/runs/log-metric", body: json({ ...runRef, key: "m", value: 1, timestamp: 1 }), token: "read", status: 403 },
    { name: "mlflow: basic auth with a wrong password", method: "POST", url: "/api/2.0/mlflow/runs/log-metric", body: json({ ...runRef, key: "m", value: 1, timestamp: 1 }), token: "none", headers: { authorization: `Basic ${Buffer.from("u:wrong").toString("base64")}` }, status: 401 },
  );
  return cases;
}
