// The stochastic forcing of the vorticity solver, white in time: everywhere on a large-scale
// wavenumber shell, and on a small-scale shell inside strong cyclones (see FlowParams.cyclone).
import type { Fft2 } from "./fft";
import type { Rng } from "./rng";
import type { SpectralGrid } from "./spectral-grid";
import type { FlowParams } from "./vorticity-solver";

export class Forcing {
  private readonly forcingModes: Int32Array;
  private readonly cycloneModes: Int32Array;
  private readonly cycloneGauss: Float64Array;

  constructor(
    private readonly params: FlowParams,
    private readonly grid: SpectralGrid,
    private readonly fft: Fft2,
    private readonly rng: Rng,
  ) {
    const shell = (k: number) => {
      const out: number[] = [];
      for (let i = 0; i < grid.k2.length; i++) if (grid.keep[i] && Math.abs(Math.sqrt(grid.k2[i]) - k) <= 1) out.push(i);
      return Int32Array.from(out);
    };
    this.forcingModes = shell(params.forcingK);
    this.cycloneModes = shell(params.cycloneK);
    this.cycloneGauss = grid.k2.map((k2) => Math.exp((-k2 * params.cycloneFilter ** 2) / 2));
  }

  // Adds one step's increments √dt·amplitude·ξ to ζ̂ (zr, zi); fr and fi are scratch arrays.
  apply(zr: Float64Array, zi: Float64Array, fr: Float64Array, fi: Float64Array) {
    const { forcing, dt, n, cyclone, cycloneOnset, cycloneRamp } = this.params;
    const a = Math.sqrt(dt) * n * n;
    if (forcing !== 0) this.addNoise(zr, zi, this.forcingModes, forcing * a);
    if (cyclone === 0) return;
    // ζ̄ and the small-scale noise R, both real: one inverse transform of ζ̄ + i·R.
    fr.fill(0);
    fi.fill(0);
    this.addNoise(fr, fi, this.cycloneModes, cyclone * a);
    let sq = 0;
    for (let k = 0; k < fr.length; k++) {
      const g = this.cycloneGauss[k];
      const rr = fr[k], ri = fi[k];
      fr[k] = zr[k] * g - ri;
      fi[k] = zi[k] * g + rr;
      sq += (zr[k] * g) ** 2 + (zi[k] * g) ** 2;
    }
    const rms = Math.sqrt(sq) / (n * n);
    this.fft.inverse(fr, fi);
    for (let i = 0; i < fr.length; i++) {
      const on = Math.min(1, Math.max(0, (fr[i] / rms - cycloneOnset) / cycloneRamp));
      fr[i] = on * fi[i];
      fi[i] = 0;
    }
    this.fft.forward(fr, fi);
    for (let k = 0; k < fr.length; k++) {
      if (!this.grid.keep[k]) continue;
      zr[k] += fr[k];
      zi[k] += fi[k];
    }
  }

  // Each mode gets its random increment together with its conjugate partner: the field stays real.
  private addNoise(re: Float64Array, im: Float64Array, modes: Int32Array, amplitude: number) {
    for (const k of modes) {
      const c = this.grid.conj[k];
      if (c < k) continue;
      const xr = amplitude * this.rng.normal();
      const xi = c === k ? 0 : amplitude * this.rng.normal();
      re[k] += xr;
      im[k] += xi;
      if (c !== k) {
        re[c] += xr;
        im[c] -= xi;
      }
    }
  }
}
