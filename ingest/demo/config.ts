// Every number of the demo in one place. The sizes are chosen so the whole workflow runs in well
// under a minute of CPU on a laptop core; the paper's values are noted where they differ.
import type { NetSpec } from "./mlp";
import type { LowParams } from "./phillips-low";
import type { FlowParams } from "./vorticity-solver";

export const HIGH: FlowParams = {
  n: 64, // Phillips-High: 240×320 at 5 km in the paper
  dt: 0.02,
  beta: 2,
  drag: 0.25,
  hyperNu: 2e-8,
  hyperOrder: 4,
  forcing: 0.25,
  forcingK: 4,
  cyclone: 10,
  cycloneK: 17,
  cycloneOnset: 1,
  cycloneRamp: 0.5,
  cycloneFilter: 0.39,
};

export const COARSE = {
  n: 16, // Phillips-Low: 60×80 at 20 km, a quarter of Phillips-High's resolution, as here
  filter: 1, // Gaussian filter length scale in coarse grid spacings (the paper: 80 km)
};

export const SCHEDULE = {
  initialRms: 3.2, // r.m.s. vorticity of the random initial state
  spinUpSteps: 400, // the paper: 5 simulated years
  stepsPerDay: 15,
  partialDays: 16, // daily snapshots for the partial dataset (the paper: the sixth year)
  oodDays: 12, // each further Phillips-High integration (the paper: 30 days)
  ranks: 4, // subdomains sending their part of the fields, and Phillips-Low's ranks
};

export const CLUSTERS = { k: 6 }; // the paper: 6 clusters, the one with the highest positive RV withheld

export const ARCHITECTURES: Record<"resnet" | "bottleneck", { name: string; spec: NetSpec; description: string }> = {
  resnet: {
    name: "EKE-ResNet",
    spec: { inputs: 4, width: 24, blocks: [[24], [24]] },
    description: "residual MLP: 2 blocks of two 24-wide layers with skip connections",
  },
  bottleneck: {
    name: "EKE-Bottleneck",
    spec: { inputs: 4, width: 24, blocks: [[6, 6], [6, 6]] },
    description: "residual MLP with bottleneck blocks 24 → 6 → 6 → 24",
  },
};

export const TRAINING = {
  maxEpochs: 30, // the paper: 800
  valThreshold: 0.32, // stop early below this validation loss (the paper: 0.4)
  batch: 32,
  lr: 3e-3,
  valEvery: 7, // every 7th sample of the training data is held out for validation
};

export const EVALUATOR = {
  testThreshold: 0.2, // a model is ready to deploy when its test loss (withheld cluster) is below this
  maxIterations: 3, // Phillips-High integrations before the driver deploys the best it has
};

// The "further iteration" after deployment: a quick update of the deployed model on the
// out-of-distribution samples alone, for a fixed number of epochs — cheap, and a classic way to
// forget the rest of the distribution (the paper's warning about catastrophic forgetting).
export const FINE_TUNE = { epochs: 40, lr: 3e-3, batch: 32 };

export const LOW: LowParams = {
  n: COARSE.n,
  dt: 0.04,
  beta: HIGH.beta,
  drag: HIGH.drag,
  hyperNu: 1e-6,
  hyperOrder: 4,
  forcing: HIGH.forcing,
  forcingK: HIGH.forcingK,
  cyclone: 0, // unresolved at this resolution: that is what the EKE parameterisation stands for
  cycloneK: 0,
  cycloneOnset: 1,
  cycloneRamp: 1,
  cycloneFilter: 0,
  steps: 200,
  ranks: SCHEDULE.ranks,
  viscosityCoeff: 0.05,
  maxKappa: 0.3,
  mekeDamping: 0.5,
};
