// What every step of the demo workflow shares: the SDK client, the names it logs under, where its
// files go, its random streams, and how it reports progress.
import type { Provscope } from "../ts/src";
import type { WorkDir } from "./files";
import type { Rng } from "./rng";

export type Names = { pipeline: string; resnet: string; bottleneck: string };

export type Ctx = {
  ps: Provscope;
  names: Names;
  work: WorkDir;
  rng: Rng;
  seed: number;
  say: (message: string) => void;
};

// An artifact as logged (same type + name + hash = same lineage node).
export type Logged = { name: string; hash: string; uri?: string; size?: number };

export const STAGES = {
  high: "Phillips-High",
  partition: "partition",
  sampler: "OOD-sampler",
  train: "train",
  evaluate: "evaluate",
  low: "Phillips-Low",
} as const;

export const DATASETS = {
  snapshots: "Phillips-High daily snapshots",
  restart: "Phillips-High restart",
  stream: (it: number) => `Phillips-High stream it${it}`,
  partial: "partial-dataset",
  withheld: "withheld-cluster",
  clusters: "cluster-definitions",
  ood: (it: number) => `ood-samples-it${it}`,
  lowOutput: (run: string) => `${run} output`,
};

export const secondsSince = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
