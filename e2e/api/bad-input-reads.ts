// Bad-input corpus, part 4: query strings of the read endpoints — filters with SQL metacharacters,
// over-long values, out-of-range numbers — and paths the API does not serve.
import type { BadCase, Seed } from "./bad-input-corpus";

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function readCases(s: Seed): BadCase[] {
  const cases: BadCase[] = [];
  const get = (prefix: string, path: string, rows: Array<[string, Record<string, string>, number?]>) => {
    for (const [name, params, status] of rows) cases.push({ name: `${prefix}: ${name}`, method: "GET", url: `${path}?${q(params)}`, status: status ?? 422 });
  };

  get("executions filter", "/api/v1/executions", [
    ["statement after a comparison", { filter: "metrics.test_loss < 1; DROP TABLE Execution" }],
    ["quote-OR-1=1", { filter: "params.arch = 'x' OR '1'='1" }],
    ["comment tail", { filter: 'params.arch = "x" --' }],
    ["unterminated string", { filter: 'params.arch = "resnet' }],
    ["bare SQL", { filter: "1=1" }],
    ["UNION SELECT", { filter: "metrics.a < 1 UNION SELECT hash FROM ApiToken" }],
    ["subquery in a value", { filter: "metrics.a < (SELECT 1)" }],
    ["unknown field", { filter: "password = 1" }],
    ["empty key", { filter: "metrics. < 1" }],
    ["dangling AND", { filter: "metrics.a < 1 AND" }],
    ["NaN as a number", { filter: "metrics.a < NaN" }],
    ["2,001 characters (MAX_FILTER)", { filter: `metrics.a < ${"9".repeat(1989)}` }],
    ["1,000 unclosed parentheses", { filter: "(".repeat(1000) }],
    ["NUL inside", { filter: "metrics.a\u0000 < 1" }],
    ["escape sequence", { filter: "\u001b[2J" }],
  ]);
  get("executions", "/api/v1/executions", [
    ["sort with SQL", { sort: "name; DROP TABLE Execution" }],
    ["sort direction sideways", { sort: "metrics.a:sideways" }],
    ["limit negative", { limit: "-1" }],
    ["limit a billion", { limit: "1000000000" }],
    ["limit in words", { limit: "all" }],
    ["pipeline of 257 characters", { pipeline: "p".repeat(257) }],
    ["pipeline with a control character", { pipeline: "a\u0001b" }],
    ["cursor of 201 characters", { cursor: "c".repeat(201) }],
  ]);
  get("changes", "/api/v1/changes", [
    ["filter syntax", { filter: "metrics.a <" }],
    ["stallSeconds 0", { stallSeconds: "0" }],
    ["include unknown part", { include: "executions,tokens" }],
    ["watch with SQL", { watch: "a,b' OR '1'='1" }],
    ["watch 201 executions", { watch: Array.from({ length: 201 }, (_, i) => `e${i}`).join(",") }],
  ]);
  get("search", "/api/v1/search", [
    ["q empty", { q: "" }],
    ["q of 201 characters", { q: "%".repeat(201) }],
    ["limit 26", { q: "a", limit: "26" }],
  ]);
  get("artifacts", "/api/v1/artifacts", [
    ["unknown type", { type: "table" }],
    ["sort with SQL", { sort: "name DESC; --" }],
    ["q of 201 characters", { q: "'".repeat(201) }],
    ["limit 0", { limit: "0" }],
  ]);
  get("series", "/api/v1/series", [
    ["execution missing", { key: "loss" }],
    ["execution with SQL", { execution: "x' OR 1=1 --", key: "loss" }],
    ["key missing", { execution: s.execution }],
    ["buckets 0", { execution: s.execution, key: "loss", buckets: "0" }],
    ["buckets 10,001", { execution: s.execution, key: "loss", buckets: "10001" }],
    ["from after to", { execution: s.execution, key: "loss", from: "10", to: "1" }],
    ["rank negative", { execution: s.execution, key: "loss", rank: "-1" }],
    ["from in words", { execution: s.execution, key: "loss", from: "start" }],
    ["from Infinity", { execution: s.execution, key: "loss", from: "Infinity" }],
  ]);
  get("lineage", "/api/v1/lineage", [
    ["node missing", {}],
    ["node with SQL", { node: "artifact:1 OR 1=1" }],
    ["execution node with a quote", { node: "execution:'; DROP TABLE Event; --" }],
    ["depth 0", { node: `execution:${s.execution}`, depth: "0" }],
    ["depth 51", { node: `execution:${s.execution}`, depth: "51" }],
    ["direction sideways", { node: `execution:${s.execution}`, direction: "sideways" }],
    ["asOf in words", { node: `execution:${s.execution}`, asOf: "last week" }],
    ["maxNodes 0", { node: `execution:${s.execution}`, maxNodes: "0" }],
    ["artifact id beyond 32 bits", { node: "artifact:99999999999" }],
  ]);
  get("lineage export", "/api/v1/lineage/export", [["unknown format", { node: `execution:${s.execution}`, format: "xml" }]]);
  get("best", `/api/v1/models/${encodeURIComponent(s.model)}/best`, [
    ["mode median", { metric: "loss", mode: "median" }],
    ["metric missing", {}],
    ["metric with a control character", { metric: "a\u0003" }],
  ]);
  cases.push(
    { name: "executions detail: uuid of 129 characters", method: "GET", url: `/api/v1/executions/${"u".repeat(129)}`, status: 422 },
    { name: "artifacts detail: id in words", method: "GET", url: "/api/v1/artifacts/one", status: 422 },
    { name: "artifacts detail: id with SQL", method: "GET", url: `/api/v1/artifacts/${encodeURIComponent("1;DROP")}`, status: 422 },
    { name: "models detail: name of 257 characters", method: "GET", url: `/api/v1/models/${"m".repeat(257)}`, status: 422 },
    { name: "fields: pipeline of 257 characters", method: "GET", url: `/api/v1/executions/fields?pipeline=${"p".repeat(257)}`, status: 422 },
    { name: "mlflow runs/get: run_id missing", method: "GET", url: "/api/2.0/mlflow/runs/get", status: 400 },
    { name: "mlflow get-history: metric_key missing", method: "GET", url: `/api/2.0/mlflow/metrics/get-history?run_id=${s.runId}`, status: 400 },
    { name: "unknown path: GET", method: "GET", url: "/api/v1/no-such-endpoint", status: 404 },
    { name: "unknown path: POST", method: "POST", url: "/api/v1/executions/x/delete", body: "{}", status: 404 },
  );
  return cases;
}
