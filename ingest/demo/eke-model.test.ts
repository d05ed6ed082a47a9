import { describe, expect, it } from "vitest";
import { ARCHITECTURES, LOW } from "./config";
import { ekePredictor, modelLoss, parseModel, serialiseModel, type EkeModel } from "./eke-model";
import { NF } from "./features";
import { createNet } from "./mlp";
import { runPhillipsLow } from "./phillips-low";
import { createRng } from "./rng";
import { VorticitySolver } from "./vorticity-solver";

const norm = { mean: [-1, 1.5, 0, -0.3], std: [1.3, 0.7, 2, 0.5], yMean: -0.2, yStd: 0.8 };
const model = (): EkeModel => ({ model: "EKE-Bottleneck", arch: "EKE-Bottleneck", iteration: 1, norm, net: createNet(ARCHITECTURES.bottleneck.spec, createRng(1)) });

describe("EKE model file", () => {
  it("round-trips through its JSON file: same predictions, same bytes", () => {
    const m = model();
    const text = serialiseModel(m);
    const back = parseModel(text);
    const x = Float64Array.from({ length: 3 * NF }, (_, i) => Math.sin(i));
    expect(Array.from(ekePredictor(back)(x, 3))).toEqual(Array.from(ekePredictor(m)(x, 3)));
    expect(serialiseModel(back)).toBe(text);
    expect(Array.from(ekePredictor(m)(x, 3)).every((e) => e > 0)).toBe(true);
    expect(() => parseModel(JSON.stringify({ format: "other" }))).toThrow(/not a demo EKE model/);
  });

  it("measures its loss in the normalised units of its own normalisation", () => {
    const m = model();
    const x = Float64Array.from({ length: 2 * NF }, (_, i) => i / 10);
    const pred = ekePredictor(m)(x, 2);
    const exact = { rows: 2, x, y: Float64Array.from(pred, Math.log) };
    expect(modelLoss(m, exact)).toBeCloseTo(0, 10);
    const off = { rows: 2, x, y: exact.y.map((v) => v + norm.yStd) }; // one standard deviation off
    expect(modelLoss(m, off)).toBeCloseTo(1, 10);
  });
});

describe("Phillips-Low", () => {
  it("runs with a model in the loop and with MEKE, reporting every rank every step", () => {
    const init = new VorticitySolver(LOW, createRng(1));
    init.randomise(3, 2);
    const state = { zr: init.zr.slice(), zi: init.zi.slice() };
    const params = { ...LOW, steps: 20 };
    const calls: Array<[number, number]> = [];
    const ml = runPhillipsLow(params, state, { kind: "ml", predict: ekePredictor(model()) }, createRng(2), (step, rank, eke, zmax) => {
      calls.push([step, rank]);
      expect(eke).toBeGreaterThan(0);
      expect(zmax).toBeGreaterThan(0);
    });
    expect(calls).toHaveLength(20 * 4);
    expect(calls.slice(0, 4)).toEqual([[1, 0], [1, 1], [1, 2], [1, 3]]);
    expect(ml.zonalEke).toHaveLength(LOW.n);
    const meke = runPhillipsLow(params, state, { kind: "meke", initial: 0.5 }, createRng(2), () => {});
    expect(Number.isFinite(meke.meanEke) && meke.meanEke > 0).toBe(true);
    expect(meke.meanEke).not.toBe(ml.meanEke);
  });
});
