// A trained EKE model as the workflow passes it around: the network, the normalisation it was
// trained with, and its file form (JSON; the file's sha256 is the model artifact's identity).
import { normalise, type Dataset, type Norm } from "./dataset";
import { NF } from "./features";
import { createNet, Workspace, type Net, type NetSpec } from "./mlp";
import { createRng } from "./rng";

export type EkeModel = { model: string; arch: string; iteration: number; norm: Norm; net: Net };
const FORMAT = "provscope-demo/eke-mlp@1";

export function serialiseModel(m: EkeModel): string {
  return JSON.stringify({ format: FORMAT, model: m.model, arch: m.arch, iteration: m.iteration, spec: m.net.spec, norm: m.norm, params: Array.from(m.net.params) });
}

export function parseModel(text: string): EkeModel {
  const o = JSON.parse(text) as { format: string; model: string; arch: string; iteration: number; spec: NetSpec; norm: Norm; params: number[] };
  if (o.format !== FORMAT) throw new Error(`not a demo EKE model file (format '${o.format}', expected '${FORMAT}')`);
  const net = createNet(o.spec, createRng(0));
  if (o.params.length !== net.params.length) throw new Error(`model file has ${o.params.length} weights, its architecture needs ${net.params.length}`);
  net.params.set(o.params);
  return { model: o.model, arch: o.arch, iteration: o.iteration, norm: o.norm, net };
}

// EKE (physical units) for rows of raw features: what Phillips-Low-ML-EKE asks for every step.
export function ekePredictor(m: EkeModel): (x: Float64Array, rows: number) => Float64Array {
  const ws = new Workspace(m.net);
  const z = new Float64Array(NF);
  return (x, rows) => {
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      for (let f = 0; f < NF; f++) z[f] = (x[r * NF + f] - m.norm.mean[f]) / m.norm.std[f];
      out[r] = Math.exp(ws.forward(z, 0) * m.norm.yStd + m.norm.yMean);
    }
    return out;
  };
}

// Mean squared error of the normalised log EKE on a dataset in physical units.
export function modelLoss(m: EkeModel, d: Dataset): number {
  const z = normalise(d, m.norm);
  const ws = new Workspace(m.net);
  let s = 0;
  for (let r = 0; r < z.rows; r++) s += (ws.forward(z.x, r * NF) - z.y[r]) ** 2;
  return z.rows ? s / z.rows : NaN;
}
