// A 2D doubly periodic vorticity solver on [0, 2π)², pseudo-spectral with the 2/3 rule: the
// stand-in for the paper's Phillips case. It keeps what makes that case useful for the workflow:
// forced, dissipated, chaotic turbulence with a beta effect (so eddies and zonal structure, high-
// and low-turbulence regions). Equation, with u = −∂ψ/∂y, v = ∂ψ/∂x and ∇²ψ = ζ:
//   ∂ζ/∂t + u·∇ζ + βv = F − μζ − ν(−∇²)^p ζ + ∇·(κ∇ζ)
// F is stochastic forcing (white in time) on a wavenumber shell plus the cyclone process below,
// μ a linear drag, ν a hyperviscosity; κ(x, y) ≥ 0 is an optional eddy viscosity field, set by a
// low-resolution run from its EKE parameterisation. Time stepping: SSP-RK3 for the advective terms, the linear
// damping applied exactly (integrating factor) after each step.
import { Fft2 } from "./fft";
import { Forcing } from "./forcing";
import type { Rng } from "./rng";
import { SpectralGrid } from "./spectral-grid";

export type FlowParams = {
  n: number; // grid points per side (power of two)
  dt: number;
  beta: number;
  drag: number; // μ
  hyperNu: number; // ν
  hyperOrder: number; // p
  forcing: number; // stochastic forcing amplitude (0: none)
  forcingK: number; // centre of the forcing shell
  // A process that only acts inside strong cyclones (a stand-in for what the coarse grid cannot
  // see, e.g. frontal instabilities, which favour cyclones): stochastic forcing on the shell
  // around `cycloneK`, switched on where the filtered vorticity ζ̄ exceeds `cycloneOnset` times its
  // r.m.s. (fully on `cycloneRamp` r.m.s. above that). Switched on and off in space, it stirs
  // those cyclones at all scales, so they form a regime of their own, more energetic and with more
  // eddy energy: the out-of-distribution regime the continual-learning loop must discover.
  cyclone: number;
  cycloneK: number;
  cycloneOnset: number;
  cycloneRamp: number;
  cycloneFilter: number; // Gaussian length scale (radians) of ζ̄
};

export class VorticitySolver {
  readonly grid: SpectralGrid;
  readonly fft: Fft2;
  // ζ̂, the state; zero outside the dealiasing box.
  readonly zr: Float64Array;
  readonly zi: Float64Array;
  // Eddy viscosity in physical space (null: none).
  kappa: Float64Array | null = null;
  steps = 0;
  private readonly damp: Float64Array;
  private readonly forcing: Forcing;
  private readonly s = Array.from({ length: 8 }, () => new Float64Array(0));

  constructor(readonly params: FlowParams, private readonly rng: Rng) {
    const { n } = params;
    this.grid = new SpectralGrid(n);
    this.fft = new Fft2(n);
    this.zr = new Float64Array(n * n);
    this.zi = new Float64Array(n * n);
    for (let i = 0; i < this.s.length; i++) this.s[i] = new Float64Array(n * n);
    this.damp = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) {
      this.damp[i] = Math.exp(-params.dt * (params.drag + params.hyperNu * Math.pow(this.grid.k2[i], params.hyperOrder)));
    }
    this.forcing = new Forcing(params, this.grid, this.fft, rng);
  }

  // Random vorticity with energy near wavenumber k0 and the given r.m.s. value.
  randomise(k0: number, rms: number) {
    const { n } = this.params;
    const phys = new Float64Array(n * n);
    const im = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) {
      const k = Math.sqrt(this.grid.k2[i]);
      const amp = this.grid.keep[i] && k > 0 ? k * Math.exp(-((k - k0) ** 2) / 4) : 0;
      phys[i] = amp * this.rng.normal();
      im[i] = amp * this.rng.normal();
    }
    // Transform to physical space, keep the real part, come back: a Hermitian spectrum.
    this.fft.inverse(phys, im);
    im.fill(0);
    this.fft.forward(phys, im);
    this.grid.truncate(phys, im);
    const z = Math.sqrt(sumSq(phys, im)) / (n * n); // r.m.s. of ζ (Parseval)
    const scale = z > 0 ? rms / z : 0;
    for (let i = 0; i < n * n; i++) {
      this.zr[i] = phys[i] * scale;
      this.zi[i] = im[i] * scale;
    }
  }

  step() {
    const { dt } = this.params;
    const [r0, i0, r1, i1] = this.s;
    const z0r = this.zr.slice();
    const z0i = this.zi.slice();
    // SSP-RK3 (Shu–Osher).
    this.rhs(this.zr, this.zi, r0, i0);
    for (let k = 0; k < r0.length; k++) {
      r1[k] = z0r[k] + dt * r0[k];
      i1[k] = z0i[k] + dt * i0[k];
    }
    this.rhs(r1, i1, r0, i0);
    for (let k = 0; k < r0.length; k++) {
      r1[k] = 0.75 * z0r[k] + 0.25 * (r1[k] + dt * r0[k]);
      i1[k] = 0.75 * z0i[k] + 0.25 * (i1[k] + dt * i0[k]);
    }
    this.rhs(r1, i1, r0, i0);
    for (let k = 0; k < r0.length; k++) {
      this.zr[k] = (z0r[k] / 3 + (2 / 3) * (r1[k] + dt * r0[k])) * this.damp[k];
      this.zi[k] = (z0i[k] / 3 + (2 / 3) * (i1[k] + dt * i0[k])) * this.damp[k];
    }
    this.forcing.apply(this.zr, this.zi, r0, i0);
    this.steps++;
  }

  // Mean kinetic energy ½⟨u²+v²⟩ and enstrophy ½⟨ζ²⟩, from the spectrum.
  energy(): number {
    const { k2 } = this.grid;
    let e = 0;
    for (let i = 0; i < k2.length; i++) if (k2[i] > 0) e += (this.zr[i] ** 2 + this.zi[i] ** 2) / k2[i];
    return e / (2 * this.params.n ** 4);
  }

  enstrophy(): number {
    return sumSq(this.zr, this.zi) / (2 * this.params.n ** 4);
  }

  // u and v in physical space.
  velocity(): { u: Float64Array; v: Float64Array } {
    const n2 = this.params.n ** 2;
    const u = new Float64Array(n2), v = new Float64Array(n2);
    this.grid.velocity(this.zr, this.zi, u, v, this.fft);
    return { u, v };
  }

  // dζ̂/dt without the linear damping: −(u·∇ζ) − βv + ∇·(κ∇ζ), dealiased.
  private rhs(zr: Float64Array, zi: Float64Array, outR: Float64Array, outI: Float64Array) {
    const { grid, fft } = this;
    const [, , , , ar, ai, br, bi] = this.s;
    const { kx, ky, k2, keep } = grid;
    const n2 = zr.length;
    // a = û + i·v̂ and b = ζ̂x + i·ζ̂y: two real fields per complex inverse transform.
    for (let k = 0; k < n2; k++) {
      const inv = k2[k] > 0 ? 1 / k2[k] : 0;
      const pr = -zr[k] * inv; // ψ̂ = −ζ̂/|k|²
      const pi = -zi[k] * inv;
      // û = −i ky ψ̂, v̂ = i kx ψ̂
      const ur = ky[k] * pi, ui = -ky[k] * pr;
      const vr = -kx[k] * pi, vi = kx[k] * pr;
      ar[k] = ur - vi;
      ai[k] = ui + vr;
      // ζ̂x = i kx ζ̂, ζ̂y = i ky ζ̂
      const xr = -kx[k] * zi[k], xi = kx[k] * zr[k];
      const yr = -ky[k] * zi[k], yi = ky[k] * zr[k];
      br[k] = xr - yi;
      bi[k] = xi + yr;
      outR[k] = -this.params.beta * vr;
      outI[k] = -this.params.beta * vi;
    }
    fft.inverse(ar, ai);
    fft.inverse(br, bi);
    const kappa = this.kappa;
    for (let k = 0; k < n2; k++) {
      // u·∇ζ, and κ's fluxes κ∇ζ for the divergence below (in ar/ai, no longer needed).
      const adv = ar[k] * br[k] + ai[k] * bi[k];
      if (kappa) {
        ar[k] = kappa[k] * br[k];
        ai[k] = kappa[k] * bi[k];
      }
      br[k] = adv;
      bi[k] = 0;
    }
    fft.forward(br, bi);
    for (let k = 0; k < n2; k++) {
      if (!keep[k]) continue;
      outR[k] -= br[k];
      outI[k] -= bi[k];
    }
    if (kappa) grid.addDivergence(ar, ai, outR, outI, fft);
    for (let k = 0; k < n2; k++) {
      if (keep[k]) continue;
      outR[k] = 0;
      outI[k] = 0;
    }
  }
}

function sumSq(re: Float64Array, im: Float64Array): number {
  let s = 0;
  for (let i = 0; i < re.length; i++) s += re[i] * re[i] + im[i] * im[i];
  return s;
}
