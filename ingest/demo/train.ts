// Trains one network on a normalised dataset with mini-batch Adam, stopping early once the
// validation loss falls below a threshold (the paper: at most 800 epochs, stop when the
// validation loss < 0.4). Losses are mean squared errors of the normalised log EKE.
import type { Dataset } from "./dataset";
import { NF } from "./features";
import { Adam, Workspace, type Net } from "./mlp";
import { permutation, type Rng } from "./rng";

export type TrainOptions = {
  maxEpochs: number;
  valThreshold: number;
  batch: number;
  lr: number;
  keepBest?: boolean; // end with the weights of the epoch of lowest validation loss
  onEpoch?: (epoch: number, trainLoss: number, valLoss: number) => void;
};
export type TrainResult = { epochs: number; stoppedEarly: boolean; trainLoss: number[]; valLoss: number[]; bestEpoch: number };

export function train(net: Net, data: { train: Dataset; val: Dataset }, o: TrainOptions, rng: Rng): TrainResult {
  const ws = new Workspace(net);
  const adam = new Adam(net.params.length, o.lr);
  const { train: tr } = data;
  const result: TrainResult = { epochs: 0, stoppedEarly: false, trainLoss: [], valLoss: [], bestEpoch: 0 };
  let best = Infinity;
  const bestParams = new Float64Array(net.params.length);
  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    const order = permutation(rng, tr.rows);
    let sum = 0;
    for (let start = 0; start < tr.rows; start += o.batch) {
      const end = Math.min(start + o.batch, tr.rows);
      ws.grads.fill(0);
      for (let k = start; k < end; k++) {
        const r = order[k];
        const err = ws.forward(tr.x, r * NF) - tr.y[r];
        sum += err * err;
        ws.backward(tr.x, r * NF, (2 * err) / (end - start));
      }
      adam.step(net.params, ws.grads);
    }
    // The running training loss (during the epoch), as trainers usually report it.
    const trainLoss = sum / tr.rows;
    const valLoss = loss(net, data.val, ws);
    result.trainLoss.push(trainLoss);
    result.valLoss.push(valLoss);
    result.epochs = epoch;
    o.onEpoch?.(epoch, trainLoss, valLoss);
    if (valLoss < best) {
      best = valLoss;
      result.bestEpoch = epoch;
      if (o.keepBest) bestParams.set(net.params);
    }
    if (valLoss < o.valThreshold) {
      result.stoppedEarly = true;
      break;
    }
  }
  if (o.keepBest && result.bestEpoch > 0) net.params.set(bestParams);
  return result;
}

export function loss(net: Net, d: Dataset, ws = new Workspace(net)): number {
  if (d.rows === 0) return NaN;
  let s = 0;
  for (let r = 0; r < d.rows; r++) s += (ws.forward(d.x, r * NF) - d.y[r]) ** 2;
  return s / d.rows;
}

export function predict(net: Net, x: Float64Array, rows: number, ws = new Workspace(net)): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = ws.forward(x, r * NF);
  return out;
}
