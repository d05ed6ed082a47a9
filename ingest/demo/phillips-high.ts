// "Phillips-High": the high-resolution flow and what the workflow reads from it — the coarse-
// grained samples (features → log EKE) of each simulated day, its restart state, and the
// coarse state a Phillips-Low run starts from.
import { CoarseGrainer } from "./coarse-grain";
import { COARSE, HIGH, SCHEDULE } from "./config";
import type { Dataset } from "./dataset";
import { Fft2 } from "./fft";
import { coarseFeatures } from "./features";
import type { Rng } from "./rng";
import { VorticitySolver } from "./vorticity-solver";

export const EKE_FLOOR = 1e-4; // log EKE of a cell with (numerically) no eddies

export type Day = { samples: Dataset; eke: Float64Array }; // eke: per coarse cell, row-major

export class PhillipsHigh {
  readonly solver: VorticitySolver;
  private readonly grainer = new CoarseGrainer(HIGH.n, COARSE.n, COARSE.filter);
  private readonly coarseFft = new Fft2(COARSE.n);

  constructor(rng: Rng) {
    this.solver = new VorticitySolver(HIGH, rng);
    this.solver.randomise(HIGH.forcingK, SCHEDULE.initialRms);
  }

  get steps() {
    return this.solver.steps;
  }

  // Integrates `steps` timesteps, reporting energy and enstrophy after each.
  run(steps: number, onStep?: (step: number, energy: number, enstrophy: number) => void) {
    for (let i = 0; i < steps; i++) {
      this.solver.step();
      onStep?.(this.solver.steps, this.solver.energy(), this.solver.enstrophy());
    }
  }

  // Today's fields, coarse-grained: one sample per coarse cell.
  day(): Day {
    const c = this.grainer.apply(this.solver);
    const x = coarseFeatures(this.grainer.coarseGrid, this.coarseFft, c.zr, c.zi);
    const y = c.eke.map((e) => Math.log(e + EKE_FLOOR));
    return { samples: { rows: c.eke.length, x, y }, eke: c.eke };
  }

  // The state a Phillips-Low run starts from: the coarse-grained vorticity.
  coarseState(): { zr: Float64Array; zi: Float64Array } {
    const c = this.grainer.apply(this.solver);
    return { zr: c.zr, zi: c.zi };
  }

  // The restart file's content: ζ̂ (real parts, then imaginary parts).
  restart(): Float64Array {
    const out = new Float64Array(this.solver.zr.length * 2);
    out.set(this.solver.zr);
    out.set(this.solver.zi, this.solver.zr.length);
    return out;
  }
}
