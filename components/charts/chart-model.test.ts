import { describe, expect, it } from "vitest";
import type { WireBucket } from "./chart-data";
import { buildChart, zoomSteps } from "./chart-model";
import { columnsFromBuckets } from "./series-columns";

const bucket = (step: number, value: number | "NaN"): WireBucket => ({
  step, end: step, lastStep: step, time: 1000 * step, count: 1,
  min: typeof value === "number" ? value : null, max: typeof value === "number" ? value : null, last: value, nonFinite: typeof value === "number" ? 0 : 1,
});
const loss = columnsFromBuckets([bucket(1, 1), bucket(2, 0.5), bucket(3, "NaN"), bucket(4, 0.25)]);

describe("chart model", () => {
  it("draws every curve with a band, a line, smoothing and markers", () => {
    const m = buildChart([{ id: "a", color: "red", t0: 0, columns: loss }, { id: "b", color: "blue", t0: 0, columns: undefined }], { x: "step", log: false, smooth: 0.5, zoom: null });
    expect(m.xDomain).toEqual([1, 4]);
    const a = m.curves[0].points;
    expect([...a.min]).toEqual([1, 0.5, NaN, 0.25]);
    expect([...a.y]).toEqual([1, 0.5, NaN, 0.25]);
    expect(a.s[3]).toBeGreaterThan(0.25); // smoothed lags the last value
    expect(a.s[2]).toBeNaN(); // and keeps the gap
    expect(m.curves[0].markers).toHaveLength(1);
    expect(m.curves[1].points.n).toBe(0); // still loading: drawn empty, not dropped
  });

  it("uses the zoom window as the x domain and scales y to what is inside it", () => {
    const m = buildChart([{ id: "a", color: "red", t0: 0, columns: loss }], { x: "step", log: false, smooth: 0, zoom: [3, 4] });
    expect(m.xDomain).toEqual([3, 4]);
    expect(m.yDomain[1]).toBeLessThan(0.5);
  });

  it("maps zoom windows to the steps to query", () => {
    const shown = buildChart([{ id: "a", color: "red", t0: 0, columns: loss }], { x: "relative", log: false, smooth: 0, zoom: null }).curves[0].points;
    expect(zoomSteps([10.4, 99.6], "step", shown)).toEqual({ from: 10, to: 100 });
    expect(zoomSteps([1.5, 2.5], "relative", shown)).toEqual({ from: 2, to: 3 });
  });
});
