import { describe, expect, it } from "vitest";
import { keyValues, UsageError } from "./command";
import { COMMANDS } from "./commands";
import { cmfPushBody, parseEvents } from "./imports";
import { parseCommandLine } from "./parse";
import { deterministicBatchId } from "./send";

describe("command line", () => {
  it("finds two-word commands with global options anywhere", () => {
    const p = parseCommandLine(["--url", "http://x", "token", "create", "ci", "--scope", "write", "--json"], COMMANDS);
    expect(p.command?.name).toBe("token create");
    expect(p.args).toEqual(["ci"]);
    expect(p.values).toMatchObject({ url: "http://x", scope: "write", json: true });
  });

  it.each([
    [["best"], /'best' takes 1 argument\(s\), got 0; usage: provscope best MODEL --metric KEY/],
    [["best", "m", "--nope"], /Unknown option '--nope'.*usage: provscope best/],
    [["log", "metric", "loss", "1"], /'log metric' takes 3 argument\(s\), got 2/],
  ])("rejects %j as a usage error", (argv, message) => {
    expect(() => parseCommandLine(argv, COMMANDS)).toThrow(UsageError);
    expect(() => parseCommandLine(argv, COMMANDS)).toThrow(message);
  });

  it("reads KEY=VALUE as JSON when it parses, else as a string", () => {
    expect(keyValues(["lr=0.01", "arch=resnet", "deep=true", 'q="1"'], "--param")).toEqual({ lr: 0.01, arch: "resnet", deep: true, q: "1" });
    expect(() => keyValues(["novalue"], "--param")).toThrow("--param must be KEY=VALUE, got 'novalue'");
  });

  it("gives the same batch id to the same shell line, and another to another", () => {
    const op = { op: "series" as const, execution: "e1", key: "loss", steps: [1], values: [0.5] };
    expect(deterministicBatchId([op])).toBe(deterministicBatchId([{ ...op }]));
    expect(deterministicBatchId([op])).not.toBe(deterministicBatchId([{ ...op, steps: [2] }]));
    expect(deterministicBatchId([op])).toMatch(/^cli-[0-9a-f]{40}$/);
  });
});

describe("import files", () => {
  it("reads one event, an array, or JSON Lines", () => {
    expect(parseEvents('{"a":1}', "f")).toEqual([{ a: 1 }]);
    expect(parseEvents('[{"a":1},{"a":2}]', "f")).toHaveLength(2);
    expect(parseEvents('{"a":1}\n\n{"a":2}\n', "f")).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseEvents("{nope", "f.json")).toThrow(/f.json: neither JSON nor JSON Lines/);
  });

  it("wraps a CMF dumptojson document into a push request, and passes a push request through", () => {
    const doc = { Pipeline: [{ name: "Test-env", stages: [] }] };
    expect(cmfPushBody(doc, "x.json")).toEqual({ exec_uuid: null, pipeline_name: "Test-env", json_payload: JSON.stringify(doc) });
    const push = { exec_uuid: null, pipeline_name: "p", json_payload: "{}" };
    expect(cmfPushBody(push, "x.json")).toEqual(push);
    expect(() => cmfPushBody({ nope: 1 }, "x.json")).toThrow(/expected a CMF push request/);
  });
});
