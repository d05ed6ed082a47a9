// k-means (k-means++ seeding, Lloyd iterations) on row-major points, seeded: the paper's way of
// carving an out-of-distribution region out of the input space.
import type { Rng } from "./rng";

export type Clusters = { k: number; dim: number; centroids: Float64Array; sizes: number[] };

export function nearest(centroids: Float64Array, k: number, dim: number, x: Float64Array, at: number): number {
  let best = 0, bestD = Infinity;
  for (let c = 0; c < k; c++) {
    let d = 0;
    for (let f = 0; f < dim; f++) d += (x[at + f] - centroids[c * dim + f]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

export function kmeans(x: Float64Array, dim: number, k: number, rng: Rng, iterations = 50): Clusters & { labels: Int32Array } {
  const rows = x.length / dim;
  if (rows < k) throw new RangeError(`k-means needs at least k=${k} points, got ${rows}`);
  const centroids = new Float64Array(k * dim);
  // k-means++: each next centroid drawn with probability ∝ squared distance to the nearest so far.
  const d2 = new Float64Array(rows).fill(Infinity);
  let pick = rng.int(rows);
  for (let c = 0; c < k; c++) {
    centroids.set(x.subarray(pick * dim, pick * dim + dim), c * dim);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      let d = 0;
      for (let f = 0; f < dim; f++) d += (x[r * dim + f] - centroids[c * dim + f]) ** 2;
      if (d < d2[r]) d2[r] = d;
      total += d2[r];
    }
    let target = rng.next() * total;
    pick = rows - 1;
    for (let r = 0; r < rows; r++) {
      target -= d2[r];
      if (target <= 0) {
        pick = r;
        break;
      }
    }
  }

  const labels = new Int32Array(rows).fill(-1);
  const sums = new Float64Array(k * dim);
  const sizes = new Array<number>(k).fill(0);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let r = 0; r < rows; r++) {
      const c = nearest(centroids, k, dim, x, r * dim);
      if (c !== labels[r]) moved++;
      labels[r] = c;
    }
    sums.fill(0);
    sizes.fill(0);
    for (let r = 0; r < rows; r++) {
      const c = labels[r];
      sizes[c]++;
      for (let f = 0; f < dim; f++) sums[c * dim + f] += x[r * dim + f];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue; // an empty cluster keeps its centroid
      for (let f = 0; f < dim; f++) centroids[c * dim + f] = sums[c * dim + f] / sizes[c];
    }
    if (moved === 0) break;
  }
  return { k, dim, centroids, sizes, labels };
}
