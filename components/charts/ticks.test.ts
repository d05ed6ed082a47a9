import { describe, expect, it } from "vitest";
import { linearTicks, logTicks, niceDomain, xTicks } from "./ticks";

describe("ticks", () => {
  it("puts linear ticks on round numbers inside the domain", () => {
    expect(linearTicks([0.352, 1.51])).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(linearTicks([0, 1e6])).toEqual([0, 200000, 400000, 600000, 800000, 1000000]);
  });

  it("widens a domain to the ticks around it", () => {
    expect(niceDomain([0.352, 1.51])).toEqual([0.25, 1.75]);
    expect(niceDomain([1, 50])).toEqual([0, 50]);
  });

  it("ticks a log axis at 1-2-5 or whole decades", () => {
    expect(logTicks([0.3, 1.6])).toEqual([0.5, 1]);
    expect(logTicks([1e-4, 10])).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks([0, 1])).toEqual([]);
  });

  it("ticks steps at integers and time axes at clock units", () => {
    expect(xTicks([1, 50], "step")).toEqual([10, 20, 30, 40, 50]);
    expect(xTicks([0, 4], "step", 10)).toEqual([0, 1, 2, 3, 4]);
    expect(xTicks([0, 300], "relative")).toEqual([0, 60, 120, 180, 240, 300]);
    const t0 = Date.UTC(2026, 10, 22, 10, 0, 7);
    expect(xTicks([t0, t0 + 3_600_000], "wall").map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["10:10", "10:20", "10:30", "10:40", "10:50", "11:00"]);
  });
});
