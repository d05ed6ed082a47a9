// The low-resolution runs of the paper's Stage 2 ("Phillips-Low"): the same flow on the coarse
// grid, where the unresolved eddies act through an eddy viscosity κ = c·Δ·√(2·EKE), as in the MEKE
// family of parameterisations. Where the EKE comes from is what differs:
//   "ml"   Phillips-Low-ML-EKE: every timestep each rank computes the four features on its
//          subdomain and asks the deployed model for EKE (the paper's inference in the loop);
//   "meke" Phillips-Low-MEKE: a prognostic EKE per cell, fed by the energy the eddy viscosity takes
//          from the resolved flow (κζ̄²) and damped linearly — the physics baseline.
import { Fft2 } from "./fft";
import { coarseFeatures, NF, subdomainOf } from "./features";
import type { Rng } from "./rng";
import { VorticitySolver, type FlowParams } from "./vorticity-solver";

export type EkeSource = { kind: "ml"; predict: (x: Float64Array, rows: number) => Float64Array } | { kind: "meke"; initial: number };
export type LowParams = FlowParams & { steps: number; ranks: number; viscosityCoeff: number; maxKappa: number; mekeDamping: number };
// Per timestep and rank: the subdomain's mean EKE and its largest |ζ|.
export type OnStep = (step: number, rank: number, meanEke: number, maxVorticity: number) => void;
// Over the second half of the run: mean EKE, largest |ζ|, zonal-mean EKE; and the final energy.
export type LowResult = { meanEke: number; maxVorticity: number; zonalEke: number[]; energy: number };

export function runPhillipsLow(p: LowParams, init: { zr: Float64Array; zi: Float64Array }, source: EkeSource, rng: Rng, onStep: OnStep): LowResult {
  const solver = new VorticitySolver(p, rng);
  solver.zr.set(init.zr);
  solver.zi.set(init.zi);
  solver.grid.truncate(solver.zr, solver.zi);
  const { n } = p;
  const n2 = n * n;
  const fft = new Fft2(n);
  const dx = (2 * Math.PI) / n;
  const eke = new Float64Array(n2).fill(source.kind === "meke" ? source.initial : 0);
  const kappa = new Float64Array(n2);
  solver.kappa = kappa;
  const rankOf = Int32Array.from({ length: n2 }, (_, i) => subdomainOf(i, n, p.ranks));
  const zonal = new Float64Array(n);
  let total = 0, maxAll = 0, samples = 0;
  const sumEke = new Float64Array(p.ranks), maxZeta = new Float64Array(p.ranks), count = new Float64Array(p.ranks);
  for (let i = 0; i < n2; i++) count[rankOf[i]]++;

  for (let step = 1; step <= p.steps; step++) {
    const x = coarseFeatures(solver.grid, fft, solver.zr, solver.zi);
    if (source.kind === "ml") eke.set(source.predict(x, n2));
    for (let i = 0; i < n2; i++) kappa[i] = Math.min(p.maxKappa, p.viscosityCoeff * dx * Math.sqrt(2 * Math.max(0, eke[i])));
    solver.step();
    if (source.kind === "meke") {
      // ζ̄² from the features (rv is column 2), before the step: close enough for a diagnostic budget.
      for (let i = 0; i < n2; i++) {
        const z = x[i * NF + 2];
        eke[i] = Math.max(0, eke[i] + p.dt * (kappa[i] * z * z - p.mekeDamping * eke[i]));
      }
    }
    sumEke.fill(0);
    maxZeta.fill(0);
    for (let i = 0; i < n2; i++) {
      const r = rankOf[i];
      sumEke[r] += eke[i];
      maxZeta[r] = Math.max(maxZeta[r], Math.abs(x[i * NF + 2]));
    }
    for (let r = 0; r < p.ranks; r++) onStep(step, r, sumEke[r] / count[r], maxZeta[r]);
    // Statistics of the second half of the run, when the parameterisation has acted a while.
    if (step > p.steps / 2) {
      for (let r = 0; r < p.ranks; r++) maxAll = Math.max(maxAll, maxZeta[r]);
      for (let i = 0; i < n2; i++) {
        zonal[Math.floor(i / n)] += eke[i];
        total += eke[i];
      }
      samples++;
    }
  }
  return {
    meanEke: total / (samples * n2),
    maxVorticity: maxAll,
    zonalEke: Array.from(zonal, (s) => s / (samples * n)),
    energy: solver.energy(),
  };
}
