import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { ingestBatchBody } from "./ingest";
import { LIMITS } from "./limits";
import { executionsQuery } from "./query";
import { promoteBody } from "./registry";

// Every limit refuses with a message that names the number, at the field's path.
function refusal(schema: ZodType, input: unknown): { path: string; message: string } {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a refusal");
  return { path: r.error.issues[0].path.join("."), message: r.error.issues[0].message };
}

const start = (extra: object = {}) => ({ op: "execution.start", pipeline: "p", stage: "s", execution: "e", ...extra });
const nest = (n: number): object => (n === 0 ? {} : { d: nest(n - 1) });

describe("limits", () => {
  it.each([
    ["ops per batch", { batchId: "b", ops: Array.from({ length: LIMITS.opsPerBatch + 1 }, () => start()) }, "ops", `${LIMITS.opsPerBatch} ops`],
    ["points per series op", { batchId: "b", ops: [{ op: "series", execution: "e", key: "k", steps: Array.from({ length: LIMITS.pointsPerSeriesOp + 1 }, (_, i) => i), values: [] }] }, "ops.0.steps", `${LIMITS.pointsPerSeriesOp} points`],
    ["name length", { batchId: "b", ops: [start({ pipeline: "p".repeat(LIMITS.nameChars + 1) })] }, "ops.0.pipeline", `${LIMITS.nameChars} characters`],
    ["batch id length", { batchId: "b".repeat(LIMITS.clientIdChars + 1), ops: [start()] }, "batchId", `${LIMITS.clientIdChars} characters`],
    ["property depth", { batchId: "b", ops: [start({ properties: nest(LIMITS.propertyDepth + 1) })] }, "ops.0.properties", `${LIMITS.propertyDepth} levels`],
    ["property key length", { batchId: "b", ops: [start({ params: { ["k".repeat(LIMITS.propertyKeyChars + 1)]: 1 } })] }, "ops.0.params", `${LIMITS.propertyKeyChars} characters`],
    ["uri length", { batchId: "b", ops: [{ op: "artifact", execution: "e", direction: "input", type: "dataset", name: "d", hash: "h", uri: "u".repeat(LIMITS.uriChars + 1) }] }, "ops.0.uri", `${LIMITS.uriChars} characters`],
  ])("%s", (_what, input, path, named) => {
    const r = refusal(ingestBatchBody, input);
    expect(r.path).toBe(path);
    expect(r.message).toContain(named);
  });

  it("filter length and alias reasons", () => {
    expect(refusal(executionsQuery, { filter: "x".repeat(LIMITS.filterChars + 1) }).message).toContain(`${LIMITS.filterChars} characters`);
    expect(refusal(promoteBody, { version: 1, reason: "r".repeat(LIMITS.reasonChars + 1) }).message).toContain(`${LIMITS.reasonChars} characters`);
    expect(refusal(promoteBody, { version: 1, reason: "ok\u0000" }).message).toMatch(/control characters/);
    expect(promoteBody.parse({ version: 1, reason: "line one\n\tline two" }).reason).toBe("line one\n\tline two");
  });

  it("refuses prototype keys among metric names instead of dropping them", () => {
    const batch = (values: string) => JSON.parse(`{"batchId": "b", "ops": [{"op": "metrics", "execution": "e", "values": ${values}}]}`);
    for (const values of ['{"__proto__": 1, "a": 2}', '{"constructor": 1}', '{"prototype": 1}']) {
      expect(refusal(ingestBatchBody, batch(values)).message).toMatch(/__proto__, constructor or prototype/);
    }
    expect(ingestBatchBody.parse(batch('{"a": 2}')).ops[0]).toMatchObject({ values: { a: 2 } });
  });
});
