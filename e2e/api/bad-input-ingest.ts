// Bad-input corpus, part 1: POST /api/v1/batches, field by field. Each case mutates one thing of
// an otherwise valid batch, so the refusal is about that one thing.
import { randomUUID } from "node:crypto";
import type { BadCase, Seed } from "./bad-input-corpus";

const deep = (levels: number): unknown => (levels === 0 ? 1 : { d: deep(levels - 1) });
const deepText = (levels: number) => `${'{"d":'.repeat(levels)}1${"}".repeat(levels)}`;
const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

export function ingestCases(s: Seed): BadCase[] {
  const id = () => `${s.prefix}-bad-${randomUUID().slice(0, 8)}`;
  const fresh = `${s.prefix}-fresh`; // an execution that must never come into existence
  const start = (extra: Record<string, unknown> = {}) => ({ op: "execution.start", pipeline: `${s.prefix}-pipe`, stage: "s", execution: fresh, ...extra });
  const series = (extra: Record<string, unknown>) => ({ op: "series", execution: s.execution, key: "loss", steps: [1, 2, 3], values: [0.3, 0.2, 0.1], ...extra });
  const artifact = (extra: Record<string, unknown>) => ({ op: "artifact", execution: s.execution, direction: "output", type: "dataset", name: `${s.prefix}-a`, hash: "sha256:aa", ...extra });
  const metrics = (values: unknown) => ({ op: "metrics", execution: s.execution, values });

  // [case name, ops] — each batch under a fresh id, so an accepted one would show in the database.
  const opCases: Array<[string, unknown[], number?, RegExp?]> = [
    ["empty ops", []],
    ["10,001 ops (MAX_OPS)", many(10_001, () => metrics({ a: 1 })), 422, /at most 10000 ops/],
    ["op is null", [null]],
    ["op is a string", ["execution.start"]],
    ["unknown op drop.table", [{ op: "drop.table", execution: s.execution }]],
    ["op field missing", [{ execution: s.execution, values: { a: 1 } }]],
    ["op name in upper case", [{ ...start(), op: "EXECUTION.START" }]],
    ["unknown field on an op", [start({ colour: "red" })]],
    ["pipeline missing", [{ op: "execution.start", stage: "s", execution: fresh }]],
    ["pipeline is a number", [start({ pipeline: 7 })]],
    ["pipeline empty", [start({ pipeline: "" })]],
    ["pipeline of 257 characters (MAX_NAME)", [start({ pipeline: "p".repeat(257) })], 422, /at most 256 characters/],
    ["pipeline with a newline", [start({ pipeline: "a\nb" })]],
    ["pipeline with NUL", [start({ pipeline: "a\u0000b" })]],
    ["pipeline of 1 MB", [start({ pipeline: "x".repeat(1_000_000) })]],
    ["stage with escape sequence", [start({ stage: "\u001b[31mred" })]],
    ["execution id with SQL quote", [start({ execution: "e' OR '1'='1" })]],
    ["execution id with a slash", [start({ execution: "../../etc/passwd" })]],
    ["execution id with RTL override", [start({ execution: "abc\u202edef" })]],
    ["execution id with emoji", [start({ execution: "run-🔥" })]],
    ["execution id of 129 characters", [start({ execution: "e".repeat(129) })]],
    ["params is an array", [start({ params: [1, 2] })]],
    ["params is null", [start({ params: null })]],
    ["params is a string", [start({ params: "lr=0.1" })]],
    ["params nested 9 levels (MAX_PROPERTY_DEPTH)", [start({ params: deep(9) as object })], 422, /at most 8 levels/],
    ["params key of 257 characters", [start({ params: { ["k".repeat(257)]: 1 } })], 422, /at most 256 characters/],
    ["params with constructor key", [start({ params: { constructor: { prototype: 1 } } })]],
    ["properties with nested prototype key", [start({ properties: { a: { prototype: { x: 1 } } } })]],
    ["startedAt in words", [start({ startedAt: "yesterday" })]],
    ["startedAt impossible date", [start({ startedAt: "2026-13-45T25:61:00Z" })]],
    ["startedAt a number", [start({ startedAt: 1763805600000 })]],
    ["name of 257 characters", [start({ name: "n".repeat(257) })]],
    ["parent unknown", [start({ parent: `${s.prefix}-no-such-parent` })]],
    ["series negative step", [series({ steps: [-1, 0, 1] })]],
    ["series duplicate steps", [series({ steps: [1, 1, 2] })]],
    ["series decreasing steps", [series({ steps: [3, 2, 1] })]],
    ["series fractional step", [series({ steps: [1, 1.5, 2] })]],
    ["series step as string", [series({ steps: ["1", "2", "3"] })]],
    ["series steps as one string", [series({ steps: "1,2,3" })]],
    ["series lowercase nan", [series({ values: [1, "nan", 2] })]],
    ["series null value", [series({ values: [1, null, 2] })]],
    ["series object value", [series({ values: [1, { v: 2 }, 3] })]],
    ["series value array", [series({ values: [1, [2], 3] })]],
    ["series values shorter than steps", [series({ values: [1, 2] })]],
    ["series times shorter than steps", [series({ times: [1, 2] })]],
    ["series negative time", [series({ times: [-1, 2, 3] })]],
    ["series time as string", [series({ times: ["now", "now", "now"] })]],
    ["series without points", [series({ steps: [], values: [] })]],
    ["series of 100,001 points (MAX_POINTS_PER_OP)", [series({ steps: many(100_001, (i) => i), values: many(100_001, () => 0) })], 422, /at most 100000 points/],
    ["series negative rank", [series({ rank: -1 })]],
    ["series fractional rank", [series({ rank: 1.5 })]],
    ["series rank over the maximum", [series({ rank: 10_000_000 })]],
    ["series empty key", [series({ key: "" })]],
    ["series unknown execution", [series({ execution: `${s.prefix}-nobody` })]],
    ["metrics without values", [metrics({})]],
    ["metrics string value", [metrics({ acc: "high" })]],
    ["metrics null value", [metrics({ acc: null })]],
    ["metrics object value", [metrics({ acc: { v: 1 } })]],
    ["metrics constructor key", [metrics({ constructor: 1 })]],
    ["metrics key of 257 characters", [metrics({ ["m".repeat(257)]: 1 })], 422, /at most 256 characters/],
    ["metrics key with control character", [metrics({ "a\u0007b": 1 })]],
    ["metrics unknown execution", [{ op: "metrics", execution: `${s.prefix}-nobody`, values: { a: 1 } }]],
    ["artifact sideways direction", [artifact({ direction: "sideways" })]],
    ["artifact unknown type", [artifact({ type: "table" })]],
    ["artifact empty hash", [artifact({ hash: "" })]],
    ["artifact hash of 257 characters", [artifact({ hash: "h".repeat(257) })]],
    ["artifact negative size", [artifact({ size: -1 })]],
    ["artifact fractional size", [artifact({ size: 1.5 })]],
    ["artifact size as words", [artifact({ size: "big" })]],
    ["artifact size beyond 2^53", [artifact({ size: 1e300 })]],
    ["artifact uri of 4,097 characters", [artifact({ uri: `file:///${"u".repeat(4090)}` })]],
    ["artifact properties nested 9 levels", [artifact({ properties: deep(9) as object })]],
    ["artifact name missing", [artifact({ name: undefined })]],
    ["model.version of an unknown hash", [{ op: "model.version", model: `${s.prefix}-m2`, hash: "sha256:nothing-has-this" }]],
    ["model.version empty model name", [{ op: "model.version", model: "", hash: "sha256:aa" }]],
    ["execution.end unknown status", [{ op: "execution.end", execution: s.execution, status: "DONE" }]],
    ["execution.end unknown execution", [{ op: "execution.end", execution: `${s.prefix}-nobody`, status: "COMPLETED" }]],
    ["execution.end invalid endedAt", [{ op: "execution.end", execution: s.execution, status: "FAILED", endedAt: "later" }]],
    // All or nothing: the first op is valid and applied inside the transaction, the second fails.
    ["valid start then an unknown execution (rolled back)", [start(), metrics({ a: 1 }), { op: "metrics", execution: `${s.prefix}-nobody`, values: { a: 1 } }], 422],
    ["valid start then an unknown model hash (rolled back)", [start(), { op: "model.version", model: `${s.prefix}-m3`, hash: "sha256:none", execution: fresh }], 422],
  ];

  const cases: BadCase[] = opCases.map(([name, ops, status, message]) => ({
    name: `batches: ${name}`,
    method: "POST",
    url: "/api/v1/batches",
    body: JSON.stringify({ batchId: id(), ops }),
    ...(status ? { status } : {}),
    ...(message ? { message } : {}),
  }));

  // Envelope-level and raw-JSON cases.
  const raw: Array<[string, string]> = [
    ["batchId missing", JSON.stringify({ ops: [start()] })],
    ["batchId is a number", JSON.stringify({ batchId: 42, ops: [start()] })],
    ["batchId empty", JSON.stringify({ batchId: "", ops: [start()] })],
    ["batchId of 129 characters", JSON.stringify({ batchId: "b".repeat(129), ops: [start()] })],
    ["batchId with a space", JSON.stringify({ batchId: "my batch", ops: [start()] })],
    ["batchId with SQL", JSON.stringify({ batchId: `x'; DROP TABLE "IngestBatch"; --`, ops: [start()] })],
    ["batchId with umlaut", JSON.stringify({ batchId: "bätch", ops: [start()] })],
    ["batchId with NUL", JSON.stringify({ batchId: "a\u0000b", ops: [start()] })],
    ["ops missing", JSON.stringify({ batchId: id() })],
    ["ops is an object", JSON.stringify({ batchId: id(), ops: { 0: start() } })],
    ["unknown top-level field", JSON.stringify({ batchId: id(), ops: [start()], dryRun: true })],
    ["duplicate batchId key, last one invalid", `{"batchId": "${id()}", "batchId": 5, "ops": [${JSON.stringify(start())}]}`],
    ["__proto__ key on an op", `{"batchId": "${id()}", "ops": [{"op": "metrics", "execution": "${s.execution}", "values": {"a": 1}, "__proto__": {"x": 1}}]}`],
    ["params __proto__ key", `{"batchId": "${id()}", "ops": [{"op": "execution.start", "pipeline": "p", "stage": "s", "execution": "${fresh}", "params": {"__proto__": {"polluted": 1}}}]}`],
    ["metrics __proto__ key beside a good one", `{"batchId": "${id()}", "ops": [{"op": "metrics", "execution": "${s.execution}", "values": {"__proto__": 1, "a": 2}}]}`],
    ["params nested 10,000 levels", `{"batchId": "${id()}", "ops": [{"op": "execution.start", "pipeline": "p", "stage": "s", "execution": "${fresh}", "params": ${deepText(10_000)}}]}`],
    ["series value 1e999 (Infinity)", `{"batchId": "${id()}", "ops": [{"op": "series", "execution": "${s.execution}", "key": "k", "steps": [1], "values": [1e999]}]}`],
    ["series step -0.0e0 and 1e400", `{"batchId": "${id()}", "ops": [{"op": "series", "execution": "${s.execution}", "key": "k", "steps": [0, 1e400], "values": [1, 2]}]}`],
  ];
  for (const [name, body] of raw) cases.push({ name: `batches: ${name}`, method: "POST", url: "/api/v1/batches", body });
  // The configurable limit (8 MiB on the test server) is named with its setting.
  cases.push({ name: "batches: body over PROVSCOPE_MAX_BODY_BYTES", method: "POST", url: "/api/v1/batches", body: JSON.stringify({ batchId: id(), ops: [start({ name: "x".repeat(9 * 1024 * 1024) })] }), status: 413, message: /8388608 bytes \(PROVSCOPE_MAX_BODY_BYTES\)/ });
  return cases;
}
