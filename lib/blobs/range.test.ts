import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

describe("parseRange", () => {
  it.each([
    [null, 100, { kind: "full" }],
    ["bytes=0-9", 100, { kind: "partial", range: { start: 0, end: 9 } }],
    ["bytes=90-", 100, { kind: "partial", range: { start: 90, end: 99 } }],
    ["bytes=90-1000", 100, { kind: "partial", range: { start: 90, end: 99 } }],
    ["bytes=-10", 100, { kind: "partial", range: { start: 90, end: 99 } }],
    ["bytes=-1000", 100, { kind: "partial", range: { start: 0, end: 99 } }],
    ["BYTES = 5 - 6", 100, { kind: "partial", range: { start: 5, end: 6 } }],
    ["bytes=100-", 100, { kind: "unsatisfiable" }],
    ["bytes=-0", 100, { kind: "unsatisfiable" }],
    ["bytes=0-", 0, { kind: "unsatisfiable" }],
    ["bytes=0-1,5-6", 100, { kind: "full" }], // several ranges: the whole blob, as the RFC allows
    ["bytes=9-2", 100, { kind: "full" }], // invalid: ignored
    ["items=0-5", 100, { kind: "full" }],
    ["bytes=-", 100, { kind: "full" }],
  ] as const)("%s of %i bytes", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
