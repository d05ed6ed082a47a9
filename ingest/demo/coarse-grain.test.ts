import { describe, expect, it } from "vitest";
import { CoarseGrainer } from "./coarse-grain";
import { HIGH } from "./config";
import { Fft2 } from "./fft";
import { coarseFeatures, NF, subdomainOf } from "./features";
import { createRng } from "./rng";
import { VorticitySolver } from "./vorticity-solver";

const quiet = { ...HIGH, forcing: 0, cyclone: 0 };

function solverWith(modes: Array<[number, number, number]>) {
  const s = new VorticitySolver(quiet, createRng(1));
  const n = quiet.n;
  for (const [kx, ky, amp] of modes) {
    // a real cos(kx·x + ky·y) field: the mode and its conjugate
    const i = ((ky + n) % n) * n + ((kx + n) % n);
    const j = ((n - ky) % n) * n + ((n - kx) % n);
    s.zr[i] += (amp * n * n) / 2;
    s.zr[j] += (amp * n * n) / 2;
  }
  return s;
}

describe("coarse-graining", () => {
  it("computes the sub-filter EKE exactly for a single wave, and much more for small eddies", () => {
    const g = new CoarseGrainer(quiet.n, 16, 1);
    const large = g.apply(solverWith([[1, 0, 1]]));
    const small = g.apply(solverWith([[1, 0, 1], [12, 9, 30]]));
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    // ζ = cos x: v = sin x, and ½⟨G*(v²) − (G*v)²⟩ = (1 − e^(−σ²))/4 for a Gaussian G of width σ.
    const sigma = (2 * Math.PI) / 16;
    expect(mean(large.eke)).toBeCloseTo((1 - Math.exp(-sigma * sigma)) / 4, 6);
    expect(large.eke.every((e) => e >= 0)).toBe(true);
    expect(mean(small.eke)).toBeGreaterThan(5 * mean(large.eke));
  });

  it("keeps the resolved vorticity on the coarse grid (its relative vorticity feature)", () => {
    const g = new CoarseGrainer(quiet.n, 16, 1);
    const c = g.apply(solverWith([[1, 0, 2]]));
    const x = coarseFeatures(g.coarseGrid, new Fft2(16), c.zr, c.zi);
    // ζ = 2·cos(x), damped by the Gaussian filter exp(−k²σ²/2) at k = 1, σ = 2π/16.
    const sigma = (2 * Math.PI) / 16;
    const damped = 2 * Math.exp(-(sigma * sigma) / 2);
    expect(x[0 * NF + 2]).toBeCloseTo(damped, 6);
    expect(x[8 * NF + 2]).toBeCloseTo(-damped, 6); // x = π
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
  });

  it("decomposes the coarse grid into four quadrants (ranks)", () => {
    const n = 16;
    const ranks = Array.from({ length: n * n }, (_, i) => subdomainOf(i, n, 4));
    expect([ranks[0], ranks[15], ranks[16 * 15], ranks[255]]).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((r) => ranks.filter((x) => x === r).length)).toEqual([64, 64, 64, 64]);
  });
});
