// The partial dataset (the paper, 3.3): k-means on the normalised features; the cluster with the
// highest positive relative vorticity is withheld — it becomes the test set, and the cluster
// definitions are saved for the OOD sampler, which keeps new samples that fall into it.
import { normalise, normStats, select, type Dataset, type Norm } from "./dataset";
import { FEATURES, NF } from "./features";
import { kmeans, nearest } from "./kmeans";
import type { Rng } from "./rng";

export type ClusterDefinitions = {
  features: readonly string[];
  norm: Norm; // of the snapshots: what every model of the workflow normalises with
  k: number;
  centroids: number[]; // k × features, in normalised units
  withheld: number; // index of the withheld cluster
  sizes: number[];
};

export type Partition = { defs: ClusterDefinitions; partial: Dataset; withheld: Dataset };

const RV = FEATURES.indexOf("rv");

export function partition(snapshots: Dataset, k: number, rng: Rng): Partition {
  const norm = normStats(snapshots);
  const z = normalise(snapshots, norm);
  const km = kmeans(z.x, NF, k, rng);
  let withheld = -1;
  for (let c = 0; c < k; c++) {
    const rv = km.centroids[c * NF + RV];
    if (rv > 0 && km.sizes[c] > 0 && (withheld < 0 || rv > km.centroids[withheld * NF + RV])) withheld = c;
  }
  if (withheld < 0) throw new Error("no cluster has a positive mean relative vorticity: the snapshots are degenerate");
  const defs: ClusterDefinitions = { features: FEATURES, norm, k, centroids: Array.from(km.centroids), withheld, sizes: km.sizes };
  return {
    defs,
    partial: select(snapshots, (r) => km.labels[r] !== withheld),
    withheld: select(snapshots, (r) => km.labels[r] === withheld),
  };
}

// The sampler's test: does a sample (physical units) fall into the withheld cluster?
export function isOutOfDistribution(defs: ClusterDefinitions, x: Float64Array, at: number): boolean {
  const z = new Float64Array(NF);
  for (let f = 0; f < NF; f++) z[f] = (x[at + f] - defs.norm.mean[f]) / defs.norm.std[f];
  return nearest(Float64Array.from(defs.centroids), defs.k, NF, z, 0) === defs.withheld;
}

export function sampleOutOfDistribution(defs: ClusterDefinitions, d: Dataset): Dataset {
  return select(d, (r) => isOutOfDistribution(defs, d.x, r * NF));
}
