import { describe, expect, it } from "vitest";
import type { Dataset } from "./dataset";
import { NF } from "./features";
import { isOutOfDistribution, partition, sampleOutOfDistribution } from "./partition";
import { createRng } from "./rng";

// Six blobs in feature space; blob 4 has the highest positive relative vorticity (feature 2).
const CENTRES = [[0, 0, -4, 0], [5, 0, 0, 0], [0, 5, 0, 0], [-5, 0, 1, 0], [0, 0, 6, 0], [0, -5, 0, 5]];
function blobs(rows: number, seed: number): Dataset {
  const r = createRng(seed);
  const x = new Float64Array(rows * NF);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = CENTRES[i % CENTRES.length];
    for (let f = 0; f < NF; f++) x[i * NF + f] = c[f] + 0.3 * r.normal();
    y[i] = i % CENTRES.length;
  }
  return { rows, x, y };
}

describe("partial dataset and OOD sampler", () => {
  it("withholds the cluster of highest positive relative vorticity and nothing else", () => {
    const p = partition(blobs(600, 1), 6, createRng(2));
    expect(p.withheld.rows).toBe(100);
    expect(p.partial.rows).toBe(500);
    expect(Array.from(p.withheld.y).every((blob) => blob === 4)).toBe(true);
    expect(Array.from(p.partial.y).includes(4)).toBe(false);
  });

  it("the sampler keeps exactly the new samples that fall into the withheld cluster", () => {
    const p = partition(blobs(600, 1), 6, createRng(2));
    const fresh = blobs(120, 3);
    const ood = sampleOutOfDistribution(p.defs, fresh);
    expect(ood.rows).toBe(20);
    expect(Array.from(ood.y).every((blob) => blob === 4)).toBe(true);
    expect(isOutOfDistribution(p.defs, Float64Array.from([0, 0, 6, 0]), 0)).toBe(true);
    expect(isOutOfDistribution(p.defs, Float64Array.from([0, 0, -4, 0]), 0)).toBe(false);
  });
});
