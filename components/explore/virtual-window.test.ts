import { describe, expect, it } from "vitest";
import { needsMore, visibleRows } from "./virtual-window";

describe("visibleRows", () => {
  it("renders the rows in view plus overscan, clamped to the list", () => {
    expect(visibleRows(0, 300, 30, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(30 * 5000, 300, 30, 10_000, 5)).toEqual({ start: 4995, end: 5016 });
    expect(visibleRows(30 * 20_000, 300, 30, 10_000, 5)).toEqual({ start: 9994, end: 10_000 });
    expect(visibleRows(-50, 300, 30, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRows(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
  });

  it("keeps the DOM small however long the list", () => {
    for (const top of [0, 123_456, 299_000]) {
      const w = visibleRows(top, 900, 30, 10_000);
      expect(w.end - w.start).toBeLessThanOrEqual(31 + 24);
    }
  });

  it("asks for more rows before the window reaches the end of what is loaded", () => {
    expect(needsMore({ start: 0, end: 40 }, 100)).toBe(true);
    expect(needsMore({ start: 0, end: 40 }, 500)).toBe(false);
  });
});
