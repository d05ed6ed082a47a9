// A dataset of (features → log EKE) samples, row-major, and what the workflow needs of it: joining,
// selecting rows, normalisation statistics, and a content hash (the artifact's identity).
import { createHash } from "node:crypto";
import { NF } from "./features";

export type Dataset = { rows: number; x: Float64Array; y: Float64Array };
export type Norm = { mean: number[]; std: number[]; yMean: number; yStd: number };

export const emptyDataset = (): Dataset => ({ rows: 0, x: new Float64Array(0), y: new Float64Array(0) });

export function concat(...parts: Dataset[]): Dataset {
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const x = new Float64Array(rows * NF);
  const y = new Float64Array(rows);
  let at = 0;
  for (const p of parts) {
    x.set(p.x, at * NF);
    y.set(p.y, at);
    at += p.rows;
  }
  return { rows, x, y };
}

export function select(d: Dataset, pick: (row: number) => boolean): Dataset {
  const idx: number[] = [];
  for (let r = 0; r < d.rows; r++) if (pick(r)) idx.push(r);
  return take(d, idx);
}

export function take(d: Dataset, idx: ArrayLike<number>): Dataset {
  const x = new Float64Array(idx.length * NF);
  const y = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const r = idx[k];
    x.set(d.x.subarray(r * NF, r * NF + NF), k * NF);
    y[k] = d.y[r];
  }
  return { rows: idx.length, x, y };
}

export function normStats(d: Dataset): Norm {
  const mean = new Array<number>(NF).fill(0);
  const sq = new Array<number>(NF).fill(0);
  let ym = 0, ys = 0;
  for (let r = 0; r < d.rows; r++) {
    for (let f = 0; f < NF; f++) mean[f] += d.x[r * NF + f];
    ym += d.y[r];
  }
  for (let f = 0; f < NF; f++) mean[f] /= d.rows;
  ym /= d.rows;
  for (let r = 0; r < d.rows; r++) {
    for (let f = 0; f < NF; f++) sq[f] += (d.x[r * NF + f] - mean[f]) ** 2;
    ys += (d.y[r] - ym) ** 2;
  }
  const std = sq.map((s) => Math.sqrt(s / d.rows) || 1);
  return { mean, std, yMean: ym, yStd: Math.sqrt(ys / d.rows) || 1 };
}

// The z-scored copy the models and k-means work on.
export function normalise(d: Dataset, s: Norm): Dataset {
  const x = new Float64Array(d.x.length);
  const y = new Float64Array(d.rows);
  for (let r = 0; r < d.rows; r++) {
    for (let f = 0; f < NF; f++) x[r * NF + f] = (d.x[r * NF + f] - s.mean[f]) / s.std[f];
    y[r] = (d.y[r] - s.yMean) / s.yStd;
  }
  return { rows: d.rows, x, y };
}

export function hashArrays(...arrays: Float64Array[]): string {
  const h = createHash("sha256");
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return `sha256:${h.digest("hex")}`;
}

export const hashDataset = (d: Dataset) => hashArrays(d.x, d.y);
export const datasetBytes = (d: Dataset) => (d.x.byteLength + d.y.byteLength);
