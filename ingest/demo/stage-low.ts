// Stage 2: the low-resolution runs. Phillips-Low-ML-EKE pulls the model `deployed` points at from
// Provscope (bytes verified against the registered hash), calls it every timestep on each of its
// ranks and logs per timestep and rank the subdomain's mean EKE and largest |vorticity|.
// Phillips-Low-MEKE is the physics baseline. All runs start from the same state with the same
// forcing, so they differ only in their EKE, and all are compared with Phillips-High's.
import { LOW } from "./config";
import { DATASETS, secondsSince, STAGES, type Ctx, type Logged } from "./context";
import type { Dataset } from "./dataset";
import { pullDeployed } from "./deployed";
import { ekePredictor } from "./eke-model";
import { EKE_FLOOR } from "./phillips-high";
import { runPhillipsLow, type EkeSource } from "./phillips-low";

// What Phillips-High says about the state the low-resolution runs start from: its climatology
// (domain- and zonal-mean EKE over every day so far), the restart, the coarse state, and that
// state's own samples — the one moment where the true EKE under a Phillips-Low run is known.
export type Reference = { meanEke: number; zonalEke: number[]; restart: Logged; init: { zr: Float64Array; zi: Float64Array }; truth: Dataset };
export type LowRun = { uuid: string; name: string; ekeError: number; startError: number; meanEke: number; model?: { name: string; version: number } };

const params = { grid: `${LOW.n}x${LOW.n}`, dt: LOW.dt, steps: LOW.steps, viscosity_coeff: LOW.viscosityCoeff, beta: LOW.beta, drag: LOW.drag };

export async function runLow(ctx: Ctx, kind: "ml" | "meke", ref: Reference, model?: string): Promise<LowRun> {
  const t0 = performance.now();
  const name = kind === "ml" ? "Phillips-Low-ML-EKE" : "Phillips-Low-MEKE";
  let source: EkeSource = { kind: "meke", initial: ref.meanEke };
  let used: { name: string; version: number; artifact: Logged } | undefined;
  if (kind === "ml") {
    const deployed = await pullDeployed(ctx, model!);
    source = { kind: "ml", predict: ekePredictor(deployed.model) };
    used = { name: model!, version: deployed.version, artifact: deployed.artifact };
  }
  ctx.say(`${name}${used ? ` with ${used.name}@deployed (v${used.version})` : ""}: ${LOW.steps} steps on ${LOW.n}×${LOW.n}, ${LOW.ranks} ranks…`);
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.low).execution({
    name,
    params: { ...params, eke: kind === "ml" ? "neural network (inference every timestep)" : "MEKE (prognostic)", ...(used ? { model: `${used.name} v${used.version}` } : {}) },
    properties: { ranks: LOW.ranks, decomposition: "2×2 subdomains" },
  });
  if (used) exec.logModel("input", used.artifact);
  exec.logDataset("input", ref.restart);
  const result = runPhillipsLow(LOW, ref.init, source, ctx.rng.fork("Phillips-Low forcing"), (step, rank, meanEke, maxVorticity) => {
    exec.logMetric("domain_mean_eke", step, meanEke, rank);
    exec.logMetric("max_vorticity", step, maxVorticity, rank);
  });
  result.zonalEke.forEach((v, y) => exec.logMetric("zonal_mean_eke", y, v));
  const ekeError = Math.abs(result.meanEke - ref.meanEke) / ref.meanEke;
  const startError = startRmse(source, ref.truth);
  exec.logExecutionMetrics({ eke_error: ekeError, eke_rmse_at_start: startError, mean_eke: result.meanEke, reference_eke: ref.meanEke, max_vorticity: result.maxVorticity });
  const out = ctx.work.json(`${name.toLowerCase()}${used ? `-v${used.version}` : ""}-output.json`, {
    run: name, model: used ? `${used.name} v${used.version}` : null, zonal_mean_eke: result.zonalEke, phillips_high_zonal_mean_eke: ref.zonalEke, mean_eke: result.meanEke,
  });
  await exec.logDataset("output", out, { name: DATASETS.lowOutput(name), properties: { content: "zonal-mean EKE profile (the paper's Figure 5)" } });
  exec.end();
  ctx.say(`  domain-mean EKE ${result.meanEke.toFixed(3)} vs Phillips-High ${ref.meanEke.toFixed(3)} (error ${(100 * ekeError).toFixed(0)}%); at the start, where the truth is known, RMS error of log EKE ${startError.toFixed(3)} (${secondsSince(t0)})`);
  return { uuid: exec.uuid, name, ekeError, startError, meanEke: result.meanEke, ...(used ? { model: { name: used.name, version: used.version } } : {}) };
}

// RMS error of log EKE over the initial state's cells against Phillips-High's coarse-grained EKE
// (MEKE starts from a uniform EKE: its error is that of the climatological mean).
function startRmse(source: EkeSource, truth: Dataset): number {
  const eke = source.kind === "ml" ? source.predict(truth.x, truth.rows) : new Float64Array(truth.rows).fill(source.initial);
  let s = 0;
  for (let r = 0; r < truth.rows; r++) s += (Math.log(eke[r] + EKE_FLOOR) - truth.y[r]) ** 2;
  return Math.sqrt(s / truth.rows);
}
