import { describe, expect, it } from "vitest";
import { formatDelta, metricDelta, VERDICT_CLASS } from "./metric-delta";
import { defaultDirection, directionOf, formatDirections, parseDirections } from "./metric-direction";

describe("metric direction", () => {
  it.each([
    ["test_loss", "min"],
    ["val_loss", "min"],
    ["rmse", "min"],
    ["val_accuracy", "max"],
    ["f1", "max"],
    ["epochs", null],
    ["lr", null],
  ])("guesses %s → %s", (key, dir) => {
    expect(defaultDirection(key)).toBe(dir);
  });

  it("lets overrides win, including switching colouring off", () => {
    const o = parseDirections("epochs:max,test_loss:none,bogus,x:sideways");
    expect(o).toEqual({ epochs: "max", test_loss: "none" });
    expect(directionOf("epochs", o)).toBe("max");
    expect(directionOf("test_loss", o)).toBeNull();
    expect(directionOf("val_loss", o)).toBe("min");
    expect(parseDirections(formatDirections(o))).toEqual(o);
  });

  it("does not read inherited keys as overrides", () => {
    expect(directionOf("constructor", {})).toBeNull();
  });
});

describe("metric delta colouring", () => {
  it.each([
    // baseline, value, direction, delta, verdict
    [0.4, 0.3, "min", -0.1, "better"],
    [0.4, 0.5, "min", 0.1, "worse"],
    [0.8, 0.9, "max", 0.1, "better"],
    [0.8, 0.7, "max", -0.1, "worse"],
    [0.4, 0.4, "min", 0, "same"],
    [10, 12, null, 2, "unknown"],
  ] as const)("%s → %s (%s) is %s", (b, v, dir, delta, verdict) => {
    const d = metricDelta(b, v, dir);
    expect(d.delta).toBeCloseTo(delta, 12);
    expect(d.verdict).toBe(verdict);
  });

  it("treats a run that diverged to NaN or ±Infinity as worse whatever the direction, and recovery as better", () => {
    expect(metricDelta(0.4, "NaN", "min")).toEqual({ delta: null, relative: null, verdict: "worse" });
    expect(metricDelta(0.9, "-Infinity", "max").verdict).toBe("worse");
    expect(metricDelta("Infinity", 0.3, "min").verdict).toBe("better");
    expect(metricDelta("NaN", "NaN", "min").verdict).toBe("same");
  });

  it("has nothing to say when a side is missing", () => {
    expect(metricDelta(undefined, 0.3, "min")).toEqual({ delta: null, relative: null, verdict: "unknown" });
    expect(metricDelta(0.3, null, "min").verdict).toBe("unknown");
  });

  it("gives relative changes against the baseline's magnitude", () => {
    expect(metricDelta(-2, -1, "max").relative).toBeCloseTo(0.5);
    expect(metricDelta(0, 1, "max").relative).toBeNull();
  });

  it("colours better green and worse red", () => {
    expect(VERDICT_CLASS.better).toMatch(/emerald/);
    expect(VERDICT_CLASS.worse).toMatch(/red/);
    expect(VERDICT_CLASS.unknown).not.toMatch(/emerald|red/);
  });

  it("formats deltas with their sign and percentage", () => {
    const f = (v: number) => String(Number(v.toPrecision(3)));
    expect(formatDelta(metricDelta(0.4, 0.3, "min"), f)).toBe("−0.1 (−25%)");
    expect(formatDelta(metricDelta(100, 101, "max"), f)).toBe("+1 (+1.0%)");
    expect(formatDelta(metricDelta(0.4, 0.4, "min"), f)).toBe("±0");
    expect(formatDelta(metricDelta(0.4, "NaN", "min"), f)).toBe("");
  });
});
