import { describe, expect, it } from "vitest";
import { flattenParams, paramRows } from "./param-diff";

describe("param diff", () => {
  it("flattens nested objects to dotted keys and keeps arrays whole", () => {
    expect(flattenParams({ opt: { lr: 0.1, betas: [0.9, 0.99] }, arch: "resnet", empty: {} })).toEqual({
      "opt.lr": 0.1,
      "opt.betas": [0.9, 0.99],
      arch: "resnet",
      empty: {},
    });
  });

  it("lines params up by key and marks the rows that differ", () => {
    const rows = paramRows([
      { arch: "resnet", lr: 0.001, opt: { momentum: 0.9 } },
      { arch: "bottleneck", lr: 0.001, opt: { momentum: 0.9 } },
      { arch: "resnet", lr: 0.001, seed: 1 },
    ]);
    expect(rows).toEqual([
      { key: "arch", values: ["resnet", "bottleneck", "resnet"], differs: true },
      { key: "lr", values: ["0.001", "0.001", "0.001"], differs: false },
      { key: "opt.momentum", values: ["0.9", "0.9", undefined], differs: true },
      { key: "seed", values: [undefined, undefined, "1"], differs: true },
    ]);
  });

  it("keeps a number and the same digits as a string apart", () => {
    const [row] = paramRows([{ n: 1 }, { n: "1" }]);
    expect(row).toEqual({ key: "n", values: ["1", "1"], differs: false });
    // Displayed alike, but JSON tells them apart where it matters:
    expect(paramRows([{ n: [1] }, { n: ["1"] }])[0].differs).toBe(true);
  });
});
