// The bad-input corpus: hostile or malformed requests to every write endpoint and to the filters of
// the read endpoints, generated from small tables. Every one must be refused with a 4xx in the
// endpoint's error envelope and change nothing (bad-input.spec.ts checks both).
import { ingestCases } from "./bad-input-ingest";
import { interopCases } from "./bad-input-interop";
import { readCases } from "./bad-input-reads";
import { accessCases } from "./bad-input-access";

export type TokenKind = "admin" | "write" | "read" | "none" | "bogus";

export type BadCase = {
  name: string;
  method: "GET" | "POST" | "DELETE";
  url: string;
  body?: string | Buffer; // sent byte for byte
  token?: TokenKind; // default admin: the request gets past authentication to the validation
  headers?: Record<string, string>;
  status?: number; // the exact status, where the contract fixes one; otherwise any 4xx
  code?: string; // the exact error code, where it matters
  message?: RegExp;
};

// What the tables need to refer to: data created before the fingerprint is taken.
export type Seed = {
  prefix: string;
  execution: string; // an execution that exists
  model: string; // a model with versions 1 and 2, alias `prod` on version 1 (promoted once)
  experimentId: string; // an MLflow experiment
  runId: string; // an MLflow run in it
  mlModel: string; // an MLflow registered model without versions
};

// The JSON write endpoints, with the envelope they answer in (MLflow's endpoints keep MLflow's
// {error_code, message} contract so its clients understand them).
// `label` names the endpoint in test titles, which must not depend on the seed.
export type Endpoint = { path: string; method: "POST" | "DELETE"; lenient?: boolean; label?: string };

export function writeEndpoints(s: Seed): Endpoint[] {
  const model = encodeURIComponent(s.model);
  const ml = (path: string, method: "POST" | "DELETE" = "POST"): Endpoint => ({ path: `/api/2.0/mlflow/${path}`, method, lenient: true });
  return [
    { path: "/api/v1/batches", method: "POST" },
    { path: "/api/v1/lineage", method: "POST" },
    // An array of anything is a valid OpenLineage batch (bad events are reported one by one).
    { path: "/api/v1/lineage/batch", method: "POST", lenient: true },
    { path: `/api/v1/models/${model}/aliases/prod`, method: "POST", label: "/api/v1/models/{name}/aliases/{alias}" },
    { path: `/api/v1/models/${model}/aliases/prod/rollback`, method: "POST", label: "/api/v1/models/{name}/aliases/{alias}/rollback" },
    { path: "/api/v1/tokens", method: "POST" },
    { path: "/api/v1/session", method: "POST" },
    { path: "/api/mlmd_push", method: "POST" },
    ml("experiments/create"),
    ml("runs/create"),
    ml("runs/update"),
    ml("runs/log-metric"),
    ml("runs/log-parameter"),
    ml("runs/set-tag"),
    ml("runs/log-batch"),
    ml("runs/search"),
    ml("registered-models/create"),
    ml("model-versions/create"),
    ml("registered-models/alias"),
    ml("registered-models/alias", "DELETE"),
  ];
}

const DEEP = 100_000;

// Bodies no endpoint may accept. `strict` bodies are JSON values an endpoint that ignores unknown
// keys could read as an empty request (and, for runs/create, act on), so they go only to strict ones.
const RAW: Array<{ name: string; body: string | Buffer; syntax?: boolean; strictOnly?: boolean }> = [
  { name: "truncated JSON", body: '{"batchId": "x", "ops": [1, 2', syntax: true },
  { name: "single-quoted JSON", body: "{'name': 'x'}", syntax: true },
  { name: "trailing comma", body: '{"name": "x",}', syntax: true },
  { name: "NaN literal", body: '{"value": NaN}', syntax: true },
  { name: "bare word", body: "undefined", syntax: true },
  { name: "empty body", body: "", syntax: true },
  { name: "whitespace body", body: " \n\t ", syntax: true },
  { name: "raw NUL byte in a string", body: Buffer.from('{"name": "a\u0000b"}'), syntax: true },
  { name: "invalid UTF-8", body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), syntax: true },
  { name: "byte-order mark", body: "\uFEFF{}", syntax: true },
  // Over the 64 KiB limit of the small endpoints (413 there), malformed everywhere else.
  { name: "unbalanced deep nesting", body: "[".repeat(DEEP) },
  { name: "JSON null", body: "null" },
  { name: "JSON number", body: "42" },
  { name: "JSON string", body: '"hello"' },
  { name: "JSON true", body: "true" },
  { name: "balanced deep array nesting", body: `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`, strictOnly: true },
  { name: "balanced deep object nesting", body: `${'{"x":'.repeat(DEEP)}1${"}".repeat(DEEP)}`, strictOnly: true },
  { name: "__proto__ at the top", body: '{"__proto__": {"admin": true}}', strictOnly: true },
];

function genericCases(s: Seed): BadCase[] {
  const out: BadCase[] = [];
  for (const e of writeEndpoints(s)) {
    for (const r of RAW) {
      if (r.strictOnly && e.lenient) continue;
      out.push({
        name: `${e.method} ${e.label ?? e.path}: ${r.name}`,
        method: e.method,
        url: e.path,
        body: r.body,
        ...(r.syntax ? { status: 400 } : {}),
      });
    }
  }
  return out;
}

export function badInputCorpus(seed: Seed): BadCase[] {
  const all = [...genericCases(seed), ...ingestCases(seed), ...accessCases(seed), ...interopCases(seed), ...readCases(seed)];
  const names = new Set<string>();
  for (const c of all) {
    if (names.has(c.name)) throw new Error(`duplicate corpus case name: ${c.name}`);
    names.add(c.name);
  }
  return all;
}

export const isMlflow = (url: string) => url.startsWith("/api/2.0/mlflow/");

export const json = (v: unknown) => JSON.stringify(v);
