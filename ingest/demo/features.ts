// The four input features of the EKE model, after Partee et al. (as in the paper), computed on the
// coarse grid from resolved fields only, so a high-resolution run (coarse-grained) and a
// low-resolution run produce them the same way:
//   mke    mean kinetic energy of the resolved flow, ½(ū² + v̄²)           (log)
//   slope  slope-like gradient: |∇ζ̄|, the resolved (potential) vorticity gradient, which plays the
//          part of the isopycnal slope of the layered ocean model          (log)
//   rv     relative vorticity ζ̄                                           (signed)
//   ratio  grid-to-eddy-scale ratio Δ/L, L = √(⟨ū²+v̄²⟩/⟨ζ̄²⟩) over the 3×3 neighbourhood (log)
import type { Fft2 } from "./fft";
import type { SpectralGrid } from "./spectral-grid";

export const FEATURES = ["log_mke", "log_slope", "rv", "log_grid_eddy_ratio"] as const;
export const NF = FEATURES.length;
const TINY = 1e-12;

// Features of every coarse point (row-major, NF per point) from the coarse ζ̂ (truncated to the
// grid's dealiased modes first, as a low-resolution solver's state is).
export function coarseFeatures(grid: SpectralGrid, fft: Fft2, zr: Float64Array, zi: Float64Array): Float64Array {
  const { n, kx, ky, keep } = grid;
  const n2 = n * n;
  const ar = new Float64Array(n2), ai = new Float64Array(n2);
  for (let i = 0; i < n2; i++) {
    if (!keep[i]) continue;
    ar[i] = zr[i];
    ai[i] = zi[i];
  }
  const u = new Float64Array(n2), v = new Float64Array(n2);
  grid.velocity(ar, ai, u, v, fft);
  // ζ and its gradient: ζ̂x + i·ζ̂y in one transform, ζ̂ in another.
  const gr = new Float64Array(n2), gi = new Float64Array(n2);
  for (let i = 0; i < n2; i++) {
    gr[i] = -kx[i] * ai[i] - ky[i] * ar[i];
    gi[i] = kx[i] * ar[i] - ky[i] * ai[i];
  }
  fft.inverse(gr, gi);
  fft.inverse(ar, ai);
  const zeta = ar;

  const ke = new Float64Array(n2), z2 = new Float64Array(n2);
  for (let i = 0; i < n2; i++) {
    ke[i] = u[i] * u[i] + v[i] * v[i];
    z2[i] = zeta[i] * zeta[i];
  }
  const keLocal = boxMean(ke, n), z2Local = boxMean(z2, n);
  const dx = (2 * Math.PI) / n;
  const out = new Float64Array(n2 * NF);
  for (let i = 0; i < n2; i++) {
    const o = i * NF;
    out[o] = Math.log(0.5 * ke[i] + TINY);
    out[o + 1] = Math.log(Math.hypot(gr[i], gi[i]) + TINY);
    out[o + 2] = zeta[i];
    out[o + 3] = Math.log(dx / Math.sqrt((keLocal[i] + TINY) / (z2Local[i] + TINY)));
  }
  return out;
}

// Mean over the 3×3 periodic neighbourhood.
function boxMean(f: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = ((y + dy + n) % n) * n;
        for (let dx = -1; dx <= 1; dx++) s += f[row + ((x + dx + n) % n)];
      }
      out[y * n + x] = s / 9;
    }
  }
  return out;
}

// Which of `ranks` subdomains (a near-square decomposition of the coarse grid, like an MPI
// domain decomposition) holds coarse point `i`.
export function subdomainOf(i: number, n: number, ranks: number): number {
  const px = ranks >= 4 ? 2 : 1;
  const py = Math.ceil(ranks / px);
  const x = i % n, y = Math.floor(i / n);
  return Math.min(ranks - 1, Math.floor((y * py) / n) * px + Math.floor((x * px) / n));
}
