import { test, expect, uniq } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { badInputCorpus, isMlflow, type BadCase, type Seed, type TokenKind } from "./bad-input-corpus";
import { dbFingerprint, OwnServer } from "./sec-server";

// Hundreds of hostile or malformed requests (bad-input-*.ts) against a server of our own: every one
// is refused with a 4xx in the endpoint's error envelope, none is a 5xx, and the database file is
// byte-for-byte the same afterwards (row counts and a content hash of every table).
// The tests run in order in one worker: the last one compares the database with the first look.
test.describe.configure({ mode: "default" });

// Test titles come from the tables with placeholder values; each test takes its case from the
// corpus built with the real seed (MLflow ids are only known once the server made them).
const PLACEHOLDER: Seed = { prefix: "p", execution: "e", model: "m", experimentId: "1", runId: "r", mlModel: "mm" };
const titles = badInputCorpus(PLACEHOLDER).map((c) => c.name);

let server: OwnServer;
let byName: Map<string, BadCase>;
let tokens: Record<TokenKind, string | null>;
let before: Record<string, string>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await OwnServer.start();
  const seed = await seedData(server, uniq("bad"));
  byName = new Map(badInputCorpus(seed).map((c) => [c.name, c]));
  tokens = { admin: ADMIN_TOKEN, write: await token(server, "write"), read: await token(server, "read"), none: null, bogus: "pvs_not_a_real_token_0000" };
  before = dbFingerprint(server.dbFile);
});

test.afterAll(async () => {
  await server?.dispose();
});

test("the corpus holds at least 150 requests across every write endpoint", () => {
  expect(titles.length).toBeGreaterThanOrEqual(150);
  const paths = new Set([...byName.values()].filter((c) => c.method !== "GET").map((c) => c.url.split("?")[0]));
  for (const p of ["/api/v1/batches", "/api/v1/lineage", "/api/v1/lineage/batch", "/api/v1/tokens", "/api/v1/session", "/api/mlmd_push", "/api/2.0/mlflow/runs/log-batch"]) {
    expect(paths.has(p), p).toBe(true);
  }
});

// One test per endpoint (or table): a failure lists every refused-wrongly case of it at once, and
// costs one restart of the worker, not one per case.
const groups = new Map<string, string[]>();
for (const title of titles) {
  const group = title.slice(0, title.indexOf(": "));
  groups.set(group, [...(groups.get(group) ?? []), title]);
}

for (const [group, names] of groups) {
  test(`${group} (${names.length} requests)`, async () => {
    const problems: string[] = [];
    for (const name of names) {
      const problem = await check(byName.get(name)!);
      if (problem) problems.push(`${name}: ${problem}`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
    expect(dbFingerprint(server.dbFile), "the database changed").toEqual(before);
  });
}

// What is wrong with the answer to one case, or null when it is a proper refusal.
async function check(c: BadCase): Promise<string | null> {
  const token = tokens[c.token ?? "admin"];
  const res = await fetch(`${server.url}${c.url}`, {
    method: c.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(c.body !== undefined ? { "content-type": "application/json" } : {}), ...c.headers },
    body: typeof c.body === "string" || c.body === undefined ? c.body : Uint8Array.from(c.body),
  });
  const text = await res.text();
  const got = `${res.status} ${text.slice(0, 300)}`;
  if (res.status < 400 || res.status >= 500) return `expected a 4xx, got ${got}`;
  if (c.status && res.status !== c.status) return `expected ${c.status}, got ${got}`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `not JSON: ${got}`;
  }
  let message: unknown;
  if (isMlflow(c.url)) {
    // MLflow's own contract: {error_code, message}.
    if (Object.keys(body).sort().join() !== "error_code,message" || typeof body.error_code !== "string") return `not MLflow's envelope: ${got}`;
    message = body.message;
  } else {
    // CMF's refusals carry CMF's {status, detail} beside the envelope.
    if (!c.url.startsWith("/api/mlmd_push") && Object.keys(body).join() !== "error") return `not the envelope: ${got}`;
    const error = body.error as { code?: unknown; message?: unknown } | undefined;
    if (typeof error?.code !== "string") return `no error code: ${got}`;
    if (c.code && error.code !== c.code) return `expected code ${c.code}: ${got}`;
    message = error.message;
  }
  if (typeof message !== "string" || message.length < 6) return `no message: ${got}`;
  if (/at .*\.(js|ts):\d+|PrismaClient|SQLITE_/.test(message)) return `internals in the message: ${got}`;
  if (c.message && !c.message.test(message)) return `message should match ${c.message}: ${got}`;
  return null;
}

test("afterwards: the database is unchanged, nothing was logged as unexpected, and no token is in the log", async () => {
  expect(dbFingerprint(server.dbFile)).toEqual(before);
  const log = server.log();
  expect(log).not.toContain("unexpected error");
  for (const t of [tokens.admin, tokens.read, tokens.write]) expect(log).not.toContain(t!);
});

test("SQL metacharacters inside a filter's string literal are data: no match, nothing changed", async () => {
  const filter = `params.arch = "x'; DROP TABLE Execution; --" OR params.arch = "' OR 1=1 --"`;
  const res = await server.call("GET", `/api/v1/executions?${new URLSearchParams({ filter })}`);
  expect(res.status).toBe(200);
  expect(res.json.executions).toEqual([]);
  expect(dbFingerprint(server.dbFile)).toEqual(before);
});

async function token(s: OwnServer, scope: "read" | "write") {
  const res = await s.call("POST", "/api/v1/tokens", { body: { name: uniq(`bad-${scope}`), scope } });
  expect(res.status).toBe(201);
  return res.json.token as string;
}

// Data the corpus aims at: an execution with a series, a model with two versions and an alias
// promoted once, an MLflow experiment with a run, and an MLflow model without versions.
async function seedData(s: OwnServer, prefix: string): Promise<Seed> {
  const execution = `${prefix}-exec`;
  const model = `${prefix}-model`;
  const out = (hash: string) => ({ op: "artifact", execution, direction: "output", type: "model", name: model, hash });
  const batch = await s.call("POST", "/api/v1/batches", {
    body: {
      batchId: `${prefix}-seed`,
      ops: [
        { op: "execution.start", pipeline: `${prefix}-pipe`, stage: "train", execution, params: { arch: "resnet" } },
        { op: "series", execution, key: "loss", steps: [1, 2, 3], values: [0.9, 0.5, 0.4] },
        out("sha256:v1"),
        out("sha256:v2"),
        { op: "model.version", model, hash: "sha256:v1", execution },
        { op: "model.version", model, hash: "sha256:v2", execution },
      ],
    },
  });
  expect(batch.status, batch.text).toBe(200);
  const promoted = await s.call("POST", `/api/v1/models/${model}/aliases/prod`, { body: { version: 1, reason: "seed" } });
  expect(promoted.status, promoted.text).toBe(200);
  const exp = await s.call("POST", "/api/2.0/mlflow/experiments/create", { body: { name: `${prefix}-exp` } });
  expect(exp.status, exp.text).toBe(200);
  const experimentId = String(exp.json.experiment_id);
  const run = await s.call("POST", "/api/2.0/mlflow/runs/create", { body: { experiment_id: experimentId, run_name: "seed" } });
  expect(run.status, run.text).toBe(200);
  const runId = (run.json.run as { info: { run_id: string } }).info.run_id;
  const mlModel = `${prefix}-mlmodel`;
  const reg = await s.call("POST", "/api/2.0/mlflow/registered-models/create", { body: { name: mlModel } });
  expect(reg.status, reg.text).toBe(200);
  return { prefix, execution, model, experimentId, runId, mlModel };
}
