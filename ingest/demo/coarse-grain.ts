// From a high-resolution vorticity state to what the low-resolution model sees, as in the paper
// (Gaussian filter, then the coarse grid): the resolved coarse fields, and the target — the eddy
// kinetic energy the coarse grid cannot resolve, EKE = ½(filter(u²+v²) − ū² − v̄²) ≥ 0.
import { Fft2 } from "./fft";
import { SpectralGrid } from "./spectral-grid";
import type { VorticitySolver } from "./vorticity-solver";

export type Coarse = {
  nc: number;
  zr: Float64Array; // ζ̂ on the coarse grid (same normalisation as a coarse solver's state)
  zi: Float64Array;
  eke: Float64Array; // target at the coarse points, row-major
};

export class CoarseGrainer {
  readonly coarseGrid: SpectralGrid;
  private readonly gauss: Float64Array;
  private readonly fft: Fft2;
  private readonly ratio: number;

  // `sigma`: the filter's length scale in units of the coarse grid spacing.
  constructor(readonly n: number, readonly nc: number, sigma: number) {
    this.coarseGrid = new SpectralGrid(nc);
    this.fft = new Fft2(n);
    this.ratio = n / nc;
    const grid = new SpectralGrid(n);
    const s = (sigma * 2 * Math.PI) / nc;
    this.gauss = grid.k2.map((k2) => Math.exp((-k2 * s * s) / 2));
  }

  apply(solver: VorticitySolver): Coarse {
    const { n, nc, gauss, fft, ratio } = this;
    const n2 = n * n;
    const f = solver.velocity();
    // filter(u² + v²)
    const qr = new Float64Array(n2);
    const qi = new Float64Array(n2);
    for (let i = 0; i < n2; i++) qr[i] = f.u[i] * f.u[i] + f.v[i] * f.v[i];
    fft.forward(qr, qi);
    for (let i = 0; i < n2; i++) {
      qr[i] *= gauss[i];
      qi[i] *= gauss[i];
    }
    fft.inverse(qr, qi);
    // ū and v̄: the filtered vorticity's velocity, packed in one transform.
    const fr = new Float64Array(n2);
    const fi = new Float64Array(n2);
    for (let i = 0; i < n2; i++) {
      fr[i] = solver.zr[i] * gauss[i];
      fi[i] = solver.zi[i] * gauss[i];
    }
    const ub = new Float64Array(n2);
    const vb = new Float64Array(n2);
    solver.grid.velocity(fr, fi, ub, vb, fft);

    // The cell mean over the ratio×ratio fine points of each coarse cell (less noisy than a point).
    const eke = new Float64Array(nc * nc);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const i = y * n + x;
        const c = Math.floor(y / ratio) * nc + Math.floor(x / ratio);
        eke[c] += 0.5 * (qr[i] - ub[i] * ub[i] - vb[i] * vb[i]);
      }
    }
    for (let c = 0; c < eke.length; c++) eke[c] = Math.max(0, eke[c] / (ratio * ratio));
    // The filtered spectrum truncated to the coarse grid's modes, rescaled to its point count.
    const zr = new Float64Array(nc * nc);
    const zi = new Float64Array(nc * nc);
    const scale = (nc * nc) / n2;
    for (let cy = 0; cy < nc; cy++) {
      for (let cx = 0; cx < nc; cx++) {
        const ky = cy < nc / 2 ? cy : cy - nc;
        const kx = cx < nc / 2 ? cx : cx - nc;
        if (cy === nc / 2 || cx === nc / 2) continue; // no Nyquist mode on the coarse grid
        const i = ((ky + n) % n) * n + ((kx + n) % n);
        zr[cy * nc + cx] = fr[i] * scale;
        zi[cy * nc + cx] = fi[i] * scale;
      }
    }
    return { nc, zr, zi, eke };
  }
}
