import { describe, expect, it } from "vitest";
import { formatClock, formatElapsed, formatExact, formatStep, formatY } from "./axis-format";

describe("axis text", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [5000, "5k"],
    [12_345, "12.3k"],
    [2_500_000, "2.5M"],
  ])("step %d → %s", (v, text) => expect(formatStep(v)).toBe(text));

  it("formats wall clock in UTC and elapsed time compactly", () => {
    expect(formatClock(Date.UTC(2026, 0, 1, 9, 5, 7))).toBe("09:05:07");
    expect(formatElapsed(42)).toBe("42 s");
    expect(formatElapsed(750)).toBe("12:30");
    expect(formatElapsed(3 * 3600 + 5 * 60)).toBe("3:05:00");
  });

  it("keeps y ticks short and readout values exact enough", () => {
    expect(formatY(0.000012)).toBe("1.2e-5");
    expect(formatY(0.352)).toBe("0.352");
    expect(formatExact(0.123456789)).toBe("0.123457");
    expect(formatExact("NaN")).toBe("NaN");
    expect(formatExact(null)).toBe("–");
  });
});
