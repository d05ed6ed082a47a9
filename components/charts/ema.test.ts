import { describe, expect, it } from "vitest";
import { ema } from "./ema";

describe("ema", () => {
  it("returns the values unchanged at weight 0", () => {
    expect(ema([1, 2, null, 4], 0)).toEqual([1, 2, null, 4]);
  });

  it("is debiased: a constant stays constant from the first point", () => {
    for (const v of ema([3, 3, 3, 3], 0.9)) expect(v).toBeCloseTo(3, 12);
  });

  it("follows TensorBoard's formula", () => {
    // last = 0.5·last + 0.5·v; debiased by 1 − 0.5^n
    const [a, b, c] = ema([1, 3, 5], 0.5) as number[];
    expect(a).toBeCloseTo(1);
    expect(b).toBeCloseTo((0.25 + 1.5) / 0.75);
    expect(c).toBeCloseTo((0.875 + 2.5) / 0.875);
  });

  it("smooths a spike down but keeps a trace of it", () => {
    const out = ema([1, 1, 1, 100, 1, 1], 0.9) as number[];
    expect(out[3]).toBeGreaterThan(1);
    expect(out[3]).toBeLessThan(100);
    expect(out[5]).toBeLessThan(out[3]);
  });

  it("leaves gaps at missing and non-finite values without resetting", () => {
    const out = ema([2, null, Number.NaN, 4], 0.5);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeNull();
    expect(out[3]).toBeCloseTo((0.5 + 2) / 0.75);
  });

  it("clamps the weight into [0, 0.99]", () => {
    expect(ema([1, 2], -1)).toEqual([1, 2]);
    const out = ema([0, 1], 5) as number[];
    expect(out[1]).toBeCloseTo((0.01 * 1) / (1 - 0.99 ** 2));
  });
});
