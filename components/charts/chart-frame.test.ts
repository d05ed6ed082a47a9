import { describe, expect, it } from "vitest";
import { fittingTicks, plotArea } from "./chart-frame";

describe("chart frame", () => {
  it("leaves room for the axes around the plot", () => {
    expect(plotArea(800, 260)).toEqual({ x: 62, y: 12, width: 722, height: 214 });
  });

  it("drops x tick labels that would collide and keeps the last one", () => {
    const px = (v: number) => v; // 1 px per unit
    const label = (v: number) => `${v}`.padStart(5, "0"); // 33 px wide
    expect(fittingTicks([0, 100, 200, 300], label, px).map((t) => t.value)).toEqual([0, 100, 200, 300]);
    expect(fittingTicks([0, 40, 80, 120, 160], label, px).map((t) => t.value)).toEqual([0, 80, 160]);
    expect(fittingTicks([0, 40, 80, 120, 130], label, px).map((t) => t.value)).toEqual([0, 130]);
    expect(fittingTicks([], label, px)).toEqual([]);
  });
});
