import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { canonicalJson, eventBatchId, fitName } from "./names";
import { parseEventTime, parseOpenLineageEvent } from "./schema";

const runEvent = (extra: Record<string, unknown> = {}) => ({
  eventType: "START",
  eventTime: "2024-05-01T10:00:00Z",
  run: { runId: "3F5E83FA-3480-44FF-99C5-FF943904E5E8" },
  job: { namespace: "ns", name: "job" },
  producer: "https://example.test/producer",
  schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
  ...extra,
});

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZodError) return { path: err.issues[0].path.join("."), message: err.issues[0].message };
    return { path: (err as { path?: string }).path, message: (err as Error).message, code: (err as { code?: string }).code };
  }
  throw new Error("expected a failure");
}

describe("parseEventTime", () => {
  it.each([
    ["2020-12-28T19:52:00.001+10:00", "2020-12-28T09:52:00.001Z"],
    ["2020-12-28T19:51:01.641499Z", "2020-12-28T19:51:01.641Z"], // nanosecond-ish precision
    ["2020-12-28T19:51:01.641499", "2020-12-28T19:51:01.641Z"], // no timezone: UTC
    ["2021-08-25T11:00:25.277467+00:00", "2021-08-25T11:00:25.277Z"],
    ["2024-05-01 10:00", "2024-05-01T10:00:00.000Z"],
    ["2024-05-01T10:00:00-0130", "2024-05-01T11:30:00.000Z"],
  ])("reads %s as %s", (input, expected) => expect(parseEventTime(input)).toBe(expected));

  it.each(["yesterday", "2024-05-01", "2024-13-01T00:00:00Z", "", "2024-05-01T10:00:00+25"])("rejects %j", (input) =>
    expect(parseEventTime(input)).toBeNull(),
  );
});

describe("parseOpenLineageEvent", () => {
  it("tells the kinds apart by the keys the spec requires", () => {
    expect(parseOpenLineageEvent(runEvent()).kind).toBe("RunEvent");
    expect(parseOpenLineageEvent({ eventTime: "2024-05-01T10:00:00Z", job: { namespace: "n", name: "j" } }).kind).toBe("JobEvent");
    expect(parseOpenLineageEvent({ eventTime: "2024-05-01T10:00:00Z", dataset: { namespace: "n", name: "d" } }).kind).toBe("DatasetEvent");
  });

  it("is tolerant where Marquez is", () => {
    const e = parseOpenLineageEvent(runEvent({ eventTime: "2020-12-28T19:51:01.641499", schemaURL: undefined, producer: undefined, eventType: "complete", inputs: null }));
    expect(e).toMatchObject({ kind: "RunEvent", eventTime: "2020-12-28T19:51:01.641Z", eventType: "COMPLETE", inputs: [], outputs: [] });
    if (e.kind === "RunEvent") expect(e.run.runId).toBe("3f5e83fa-3480-44ff-99c5-ff943904e5e8");
    expect(parseOpenLineageEvent(runEvent({ eventType: undefined })).kind).toBe("RunEvent");
  });

  it.each([
    [{ run: {} }, "run.runId", /is required.*runId/],
    [{ run: { runId: "not a uuid!" } }, "run.runId", /UUID/],
    [{ job: undefined }, "job", /is required/],
    [{ job: { namespace: "", name: "j" } }, "job.namespace", /must not be empty/],
    [{ eventTime: "yesterday" }, "eventTime", /ISO-8601/],
    [{ eventTime: undefined }, "eventTime", /is required/],
    [{ eventType: "DONE" }, "eventType", /START, RUNNING, COMPLETE, ABORT, FAIL, OTHER/],
    [{ inputs: [{ namespace: "n" }] }, "inputs.0.name", /is required/],
    [{ outputs: "x" }, "outputs", /array/],
    [{ run: { runId: "3f5e83fa-3480-44ff-99c5-ff943904e5e8", facets: [] } }, "run.facets", /facet/],
  ])("rejects %j at %s", (change, path, message) => {
    const issue = issueOf(() => parseOpenLineageEvent(runEvent(change)));
    expect(issue.path).toBe(path);
    expect(issue.message).toMatch(message);
  });

  it("rejects what is no event at all with a clear message", () => {
    expect(issueOf(() => parseOpenLineageEvent([1, 2]))).toMatchObject({ code: "invalid_event" });
    expect(issueOf(() => parseOpenLineageEvent({ eventTime: "2024-05-01T10:00:00Z" }))).toMatchObject({ path: "run", code: "invalid_event" });
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { x: deep };
    expect(issueOf(() => parseOpenLineageEvent(runEvent({ run: { runId: "a", facets: { deep } } })))).toMatchObject({ code: "invalid_event" });
  });
});

describe("names", () => {
  it("derives the batch id from the content, whatever the key order", () => {
    const a = runEvent();
    const b = Object.fromEntries(Object.entries(a).reverse());
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(eventBatchId(a)).toBe(eventBatchId(b));
    expect(eventBatchId(a)).toMatch(/^ol:[0-9a-f]{64}$/);
    expect(eventBatchId(runEvent({ eventType: "COMPLETE" }))).not.toBe(eventBatchId(a));
  });

  it("fits long and control-character names without merging distinct ones", () => {
    const long = "x".repeat(300);
    expect(fitName(long)).toHaveLength(256);
    expect(fitName(`${long}a`)).not.toBe(fitName(`${long}b`));
    expect(fitName("a\nb\u0000c")).toBe("a b c");
    expect(fitName("myjob.buggy_task🕷")).toBe("myjob.buggy_task🕷");
  });
});
