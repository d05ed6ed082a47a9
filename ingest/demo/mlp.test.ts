import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "./config";
import type { Dataset } from "./dataset";
import { createNet, Workspace } from "./mlp";
import { createRng } from "./rng";
import { loss, train } from "./train";

// y = sin(x0) + x1·x2 − |x3|: smooth, nonlinear, learnable.
function toy(rows: number, seed: number): Dataset {
  const r = createRng(seed);
  const x = Float64Array.from({ length: rows * 4 }, () => r.normal());
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = Math.sin(x[4 * i]) + x[4 * i + 1] * x[4 * i + 2] - Math.abs(x[4 * i + 3]);
  return { rows, x, y };
}

describe("residual MLP", () => {
  for (const [key, { spec }] of Object.entries(ARCHITECTURES)) {
    it(`${key}: backpropagation matches finite differences`, () => {
      const net = createNet(spec, createRng(1));
      const ws = new Workspace(net);
      const x = Float64Array.from([0.3, -1.2, 0.8, 0.5]);
      ws.grads.fill(0);
      const out = ws.forward(x, 0);
      ws.backward(x, 0, 1); // d(out)/d(params)
      expect(Number.isFinite(out)).toBe(true);
      for (const i of [0, 7, 40, net.params.length - 30, net.params.length - 1]) {
        const h = 1e-6;
        const p = net.params[i];
        net.params[i] = p + h;
        const up = ws.forward(x, 0);
        net.params[i] = p - h;
        const down = ws.forward(x, 0);
        net.params[i] = p;
        expect(ws.grads[i]).toBeCloseTo((up - down) / (2 * h), 5);
      }
    });
  }

  it("training lowers the loss, and the same seed trains the same weights", () => {
    const data = { train: toy(800, 1), val: toy(200, 2) };
    const fit = () => {
      const net = createNet(ARCHITECTURES.resnet.spec, createRng(3));
      const before = loss(net, data.val);
      const result = train(net, data, { maxEpochs: 15, valThreshold: -Infinity, batch: 32, lr: 3e-3 }, createRng(4));
      return { net, before, result };
    };
    const a = fit();
    expect(a.result.valLoss[a.result.valLoss.length - 1]).toBeLessThan(0.5 * a.before);
    expect(a.result.trainLoss[a.result.trainLoss.length - 1]).toBeLessThan(a.result.trainLoss[0]);
    expect(Array.from(fit().net.params)).toEqual(Array.from(a.net.params));
  });

  it("stops early once the validation loss is below the threshold, and can keep the best epoch", () => {
    const data = { train: toy(400, 5), val: toy(100, 6) };
    const net = createNet(ARCHITECTURES.bottleneck.spec, createRng(7));
    const r = train(net, data, { maxEpochs: 200, valThreshold: 1.5, batch: 32, lr: 3e-3 }, createRng(8));
    expect(r.stoppedEarly).toBe(true);
    expect(r.epochs).toBeLessThan(200);
    expect(r.valLoss[r.valLoss.length - 1]).toBeLessThan(1.5);

    const net2 = createNet(ARCHITECTURES.bottleneck.spec, createRng(7));
    const kept = train(net2, data, { maxEpochs: 10, valThreshold: -Infinity, batch: 32, lr: 0.05, keepBest: true }, createRng(8));
    expect(loss(net2, data.val)).toBeCloseTo(Math.min(...kept.valLoss), 10);
  });
});
