import { describe, it, expect, beforeAll, afterAll } from "vitest";
import Database from "better-sqlite3";
import { compileFilter, globToLike } from "./compile-sql";
import { parseFilter, type FilterNode } from "./parse";

type Exec = {
  name: string;
  status: string;
  stage: string;
  pipeline: string;
  params: Record<string, string | number | boolean>;
  metrics: Record<string, number | null>;
};

// Enough variety to make every filter below select a distinct, non-trivial subset.
const EXECUTIONS: Exec[] = [
  { name: "run-a", status: "COMPLETED", stage: "train", pipeline: "vision", params: { arch: "resnet", lr: 0.01, amp: true }, metrics: { test_loss: 0.3, val_loss: 0.5 } },
  { name: "run-b", status: "COMPLETED", stage: "train", pipeline: "vision", params: { arch: "bottleneck", lr: 0.0001, amp: false }, metrics: { test_loss: 0.35, val_loss: 0.4 } },
  { name: "run-c", status: "FAILED", stage: "train", pipeline: "vision", params: { arch: "vit", lr: 0.001 }, metrics: { test_loss: 0.2, val_loss: 0.6 } },
  { name: "ood-1", status: "COMPLETED", stage: "eval", pipeline: "vision", params: { arch: "resnet", "optimizer.lr": 0.5 }, metrics: { test_loss: 0.9, val_loss: null } },
  { name: "ood_%2", status: "RUNNING", stage: "eval", pipeline: "nlp", params: { arch: "resnet", "weird key": "yes" }, metrics: {} },
  { name: "oodX12", status: "COMPLETED", stage: "train", pipeline: "nlp", params: { lr: "auto" }, metrics: { test_loss: 0.45 } },
];

let db: Database.Database;

beforeAll(() => {
  db = new Database(":memory:");
  // PostgreSQL's LIKE is case-sensitive; make SQLite's the same so `~` is tested for both.
  db.pragma("case_sensitive_like = ON");
  db.exec(`
    CREATE TABLE "Pipeline" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE);
    CREATE TABLE "Stage" ("id" INTEGER PRIMARY KEY, "pipelineId" INTEGER NOT NULL, "name" TEXT NOT NULL);
    CREATE TABLE "Execution" ("id" INTEGER PRIMARY KEY, "uuid" TEXT NOT NULL UNIQUE, "name" TEXT NOT NULL,
      "status" TEXT NOT NULL, "stageId" INTEGER NOT NULL, "pipelineId" INTEGER NOT NULL);
    CREATE TABLE "ExecutionParam" ("executionId" INTEGER NOT NULL, "key" TEXT NOT NULL, "value" TEXT NOT NULL,
      "num" REAL, "str" TEXT, PRIMARY KEY ("executionId", "key"));
    CREATE TABLE "ExecutionMetric" ("executionId" INTEGER NOT NULL, "key" TEXT NOT NULL, "value" REAL,
      PRIMARY KEY ("executionId", "key"));
  `);
  const id = (sql: string, ...args: (string | number)[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const pipelines = new Map<string, number>();
  const stages = new Map<string, number>();
  EXECUTIONS.forEach((x, i) => {
    if (!pipelines.has(x.pipeline)) pipelines.set(x.pipeline, id(`INSERT INTO "Pipeline" ("name") VALUES (?)`, x.pipeline));
    const pipelineId = pipelines.get(x.pipeline)!;
    const stageKey = `${x.pipeline}/${x.stage}`; // stage names repeat across pipelines, like in real data
    if (!stages.has(stageKey)) stages.set(stageKey, id(`INSERT INTO "Stage" ("pipelineId", "name") VALUES (?, ?)`, pipelineId, x.stage));
    const execId = id(
      `INSERT INTO "Execution" ("uuid", "name", "status", "stageId", "pipelineId") VALUES (?, ?, ?, ?, ?)`,
      `uuid-${i}`, x.name, x.status, stages.get(stageKey)!, pipelineId,
    );
    for (const [key, v] of Object.entries(x.params)) {
      const num = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : null;
      db.prepare(`INSERT INTO "ExecutionParam" VALUES (?, ?, ?, ?, ?)`).run(execId, key, JSON.stringify(v), num, typeof v === "string" ? v : null);
    }
    for (const [key, v] of Object.entries(x.metrics)) db.prepare(`INSERT INTO "ExecutionMetric" VALUES (?, ?, ?)`).run(execId, key, v);
  });
});

afterAll(() => db.close());

function select(filter: string | FilterNode): string[] {
  const values: (string | number)[] = [];
  const where = compileFilter(typeof filter === "string" ? parseFilter(filter) : filter, (v) => {
    values.push(v);
    return "?";
  });
  const rows = db.prepare(`SELECT e."name" AS name FROM "Execution" e WHERE ${where}`).all(...values) as { name: string }[];
  return rows.map((r) => r.name).sort();
}

describe("compileFilter against SQLite", () => {
  const cases: [filter: string, names: string[]][] = [
    ['metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")', ["run-a", "run-b"]],
    ['status = "FAILED"', ["run-c"]],
    ['status = "completed"', ["ood-1", "oodX12", "run-a", "run-b"]],
    ['name ~ "ood-*"', ["ood-1"]],
    ['name ~ "OOD*"', ["ood-1", "oodX12", "ood_%2"]],
    ['name ~ "ood_%?"', ["ood_%2"]], // `_` and `%` are literal in a glob
    ['name ~ "ood??2"', ["oodX12", "ood_%2"]],
    ['NOT stage = "train"', ["ood-1", "ood_%2"]],
    ['stage = "train" AND pipeline = "nlp"', ["oodX12"]],
    ['pipeline != "vision"', ["oodX12", "ood_%2"]],
    ["params.lr >= 1e-3 and metrics.val_loss != 0.5", ["run-c"]],
    ["params.lr >= 1e-3", ["run-a", "run-c"]],
    ["metrics.val_loss != 0.5", ["run-b", "run-c"]], // missing (oodX12, ...) and null (ood-1) never match
    ["NOT metrics.val_loss != 0.5", ["ood-1", "oodX12", "ood_%2", "run-a"]],
    ['params.lr = "auto"', ["oodX12"]],
    ['params.lr != "auto"', []], // numeric lr values are not strings
    ["params.amp = true", ["run-a"]],
    ["params.amp = false", ["run-b"]],
    ["params.optimizer.lr > 0.1", ["ood-1"]],
    ['params.`weird key` = "yes"', ["ood_%2"]],
    ['params.arch ~ "*net*" AND NOT params.arch = "bottleneck"', ["ood-1", "ood_%2", "run-a"]],
    ['uuid = "uuid-2" OR name = "run-a"', ["run-a", "run-c"]],
    ['name = "x\\" OR 1=1 --"', []],
    ['name = "run-a\' OR \'1\'=\'1"', []],
    ['name ~ "*\' OR 1=1 --"', []],
  ];

  it.each(cases)("%s", (filter, names) => {
    expect(select(filter)).toEqual([...names].sort());
  });

  it("upper-cases status literals even in hand-built trees", () => {
    expect(select({ kind: "cmp", field: { kind: "status" }, op: "=", value: "failed", position: 0 })).toEqual(["run-c"]);
  });

  it("never puts literal values into the SQL text", () => {
    const values: (string | number)[] = [];
    const sql = compileFilter(parseFilter('name = "x\\" OR 1=1 --" AND metrics.loss < 0.125 AND params.k ~ "a%"'), (v) => {
      values.push(v);
      return `$${values.length}`;
    });
    expect(sql).not.toContain("OR 1=1");
    expect(sql).not.toContain("0.125");
    expect(sql).not.toContain('"loss"');
    expect(values).toEqual(['x" OR 1=1 --', "loss", 0.125, "k", "a\\%"]);
    // bind order is text order, which positional `?` placeholders depend on
    expect([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5]);
  });

  it("parenthesises every boolean operator", () => {
    const sql = compileFilter(parseFilter('NOT name = "a" OR name = "b" AND name = "c"'), () => "?");
    expect(sql).toBe('((NOT (e."name" = ?)) OR ((e."name" = ?) AND (e."name" = ?)))');
  });
});

describe("globToLike", () => {
  it("escapes LIKE wildcards and the escape character, and maps * and ?", () => {
    expect(globToLike("a*b?c")).toBe("a%b_c");
    expect(globToLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });
});
