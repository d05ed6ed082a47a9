import { describe, expect, it } from "vitest";
import { formatAbsolute, formatCount, formatDuration, formatMetric, formatRelative } from "./format";

const now = new Date("2026-11-22T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("format", () => {
  it("formats absolute times in UTC", () => {
    expect(formatAbsolute(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02 03:04:05 UTC");
  });

  it.each([
    [2_000, "just now"],
    [42_000, "42 s ago"],
    [5 * 60_000 + 59_000, "5 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [2 * 86_400_000, "2 d ago"],
    [-10 * 60_000, "in 10 min"],
    [40 * 86_400_000, "2026-10-13"],
  ])("formats %i ms ago as %s", (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });

  it.each([
    [850, "850 ms"],
    [12_340, "12.3 s"],
    [4 * 60_000 + 5_000, "4 min 05 s"],
    [2 * 3_600_000 + 7 * 60_000, "2 h 07 min"],
    [3 * 86_400_000 + 4 * 3_600_000, "3 d 4 h"],
    [-1, "–"],
  ])("formats a duration of %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [0, "0"],
    [0.31, "0.31"],
    [0.123456, "0.1235"],
    [1234.567, "1235"],
    [0.00001234, "1.23e-5"],
    [12_345_678, "1.23e+7"],
    ["NaN", "NaN"],
    ["-Infinity", "-Infinity"],
  ])("formats the metric %s as %s", (v, text) => {
    expect(formatMetric(v)).toBe(text);
  });

  it("groups thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
