import { describe, expect, it } from "vitest";
import { previousVersion, replayAliasStack } from "./alias-stack";

const p = (v: number) => ({ action: "promote", toVersion: v });
const r = (v: number) => ({ action: "rollback", toVersion: v });

describe("replayAliasStack", () => {
  it.each([
    { name: "promotes push", changes: [p(1), p(2), p(3)], stack: [1, 2, 3], previous: 2 },
    { name: "a rollback pops to its target", changes: [p(1), p(2), p(3), r(2)], stack: [1, 2], previous: 1 },
    { name: "rollbacks walk back, not toggle", changes: [p(1), p(2), p(3), r(2), r(1)], stack: [1], previous: null },
    { name: "a rollback to an unseen version pushes it", changes: [p(2), p(3), r(1)], stack: [2, 3, 1], previous: 3 },
    { name: "a rollback past several entries pops them all", changes: [p(1), p(2), p(3), p(4), r(1)], stack: [1], previous: null },
    { name: "re-promoting an older version pushes it again", changes: [p(1), p(2), p(1)], stack: [1, 2, 1], previous: 2 },
    { name: "a repeated promote of the top is not pushed twice", changes: [p(1), p(2), p(2)], stack: [1, 2], previous: 1 },
    { name: "a promote after a rollback continues from there", changes: [p(1), p(2), p(3), r(2), p(4)], stack: [1, 2, 4], previous: 2 },
    { name: "no history", changes: [], stack: [], previous: null },
  ])("$name", ({ changes, stack, previous }) => {
    const got = replayAliasStack(changes);
    expect(got).toEqual(stack);
    expect(previousVersion(got)).toBe(previous);
  });
});

describe("replayAliasStack after a removal", () => {
  it("starts over: nothing before the removal can be rolled back to", () => {
    const stack = replayAliasStack([
      { action: "promote", toVersion: 1 },
      { action: "promote", toVersion: 2 },
      { action: "remove", toVersion: null },
      { action: "promote", toVersion: 3 },
    ]);
    expect(stack).toEqual([3]);
    expect(previousVersion(stack)).toBeNull();
  });
});
