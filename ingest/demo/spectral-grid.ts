// Wavenumbers of an n×n periodic grid on [0, 2π)² (row-major, index = iy·n + ix) and the spectral
// operations the solvers share: the 2/3-rule mask, velocity and streamfunction from vorticity,
// and the divergence of a flux given in physical space.
import type { Fft2 } from "./fft";

export class SpectralGrid {
  readonly kx: Float64Array;
  readonly ky: Float64Array;
  readonly k2: Float64Array;
  readonly keep: Uint8Array; // inside the 2/3-rule box: the modes the solution may have
  readonly conj: Int32Array; // index of the mode −k

  constructor(readonly n: number) {
    const n2 = n * n;
    this.kx = new Float64Array(n2);
    this.ky = new Float64Array(n2);
    this.k2 = new Float64Array(n2);
    this.keep = new Uint8Array(n2);
    this.conj = new Int32Array(n2);
    const wave = (j: number) => (j < n / 2 ? j : j === n / 2 ? 0 : j - n); // Nyquist: no derivative
    const cut = Math.floor(n / 3);
    for (let iy = 0; iy < n; iy++) {
      for (let ix = 0; ix < n; ix++) {
        const i = iy * n + ix;
        this.kx[i] = wave(ix);
        this.ky[i] = wave(iy);
        this.k2[i] = this.kx[i] ** 2 + this.ky[i] ** 2;
        const fx = ix < n / 2 ? ix : ix - n;
        const fy = iy < n / 2 ? iy : iy - n;
        this.keep[i] = Math.abs(fx) <= cut && Math.abs(fy) <= cut ? 1 : 0;
        this.conj[i] = ((n - iy) % n) * n + ((n - ix) % n);
      }
    }
  }

  truncate(re: Float64Array, im: Float64Array) {
    for (let i = 0; i < re.length; i++) {
      if (this.keep[i]) continue;
      re[i] = 0;
      im[i] = 0;
    }
  }

  // u = −∂ψ/∂y and v = ∂ψ/∂x in physical space from ζ̂ (one packed inverse transform).
  velocity(zr: Float64Array, zi: Float64Array, u: Float64Array, v: Float64Array, fft: Fft2) {
    const { kx, ky, k2 } = this;
    for (let k = 0; k < zr.length; k++) {
      const inv = k2[k] > 0 ? 1 / k2[k] : 0;
      const pr = -zr[k] * inv;
      const pi = -zi[k] * inv;
      const ur = ky[k] * pi, ui = -ky[k] * pr;
      const vr = -kx[k] * pi, vi = kx[k] * pr;
      u[k] = ur - vi;
      v[k] = ui + vr;
    }
    fft.inverse(u, v);
  }

  // ψ̂ = −ζ̂/|k|² into (re, im).
  streamfunction(zr: Float64Array, zi: Float64Array, re: Float64Array, im: Float64Array) {
    for (let k = 0; k < zr.length; k++) {
      const inv = this.k2[k] > 0 ? 1 / this.k2[k] : 0;
      re[k] = -zr[k] * inv;
      im[k] = -zi[k] * inv;
    }
  }

  // out += ∇·(fx, fy)^ on the kept modes; fx and fy are real fields, transformed in place
  // together (fx + i·fy) and separated by Hermitian symmetry.
  addDivergence(fx: Float64Array, fy: Float64Array, outR: Float64Array, outI: Float64Array, fft: Fft2) {
    fft.forward(fx, fy);
    const { kx, ky, conj, keep } = this;
    for (let k = 0; k < fx.length; k++) {
      if (!keep[k]) continue;
      const c = conj[k];
      // X̂ = (C_k + conj C_−k)/2, Ŷ = (C_k − conj C_−k)/(2i)
      const xr = (fx[k] + fx[c]) / 2, xi = (fy[k] - fy[c]) / 2;
      const yr = (fy[k] + fy[c]) / 2, yi = -(fx[k] - fx[c]) / 2;
      // i·kx·X̂ + i·ky·Ŷ
      outR[k] += -kx[k] * xi - ky[k] * yi;
      outI[k] += kx[k] * xr + ky[k] * yr;
    }
  }
}
