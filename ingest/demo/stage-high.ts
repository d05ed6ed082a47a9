// Stage 1's data generation: the Phillips-High spin-up that yields the snapshots of the partial
// dataset, and the later integrations whose streamed fields the OOD sampler reads. Each is an
// execution with its energy and enstrophy per timestep, its restart file, and its domain-mean and
// zonal-mean EKE (the truth the low-resolution runs are compared with).
import type { Execution } from "../ts/src";
import { COARSE, HIGH, SCHEDULE } from "./config";
import { DATASETS, secondsSince, STAGES, type Ctx, type Logged } from "./context";
import { concat, datasetBytes, hashDataset, type Dataset } from "./dataset";
import { DATASET_LAYOUT } from "./files";
import type { Day, PhillipsHigh } from "./phillips-high";

export type HighRun = { uuid: string; days: Day[]; restart: Logged; meanEke: number; zonalEke: number[] };

const physics = { grid: `${HIGH.n}x${HIGH.n}`, dt: HIGH.dt, beta: HIGH.beta, drag: HIGH.drag, hyperviscosity: HIGH.hyperNu, forcing: HIGH.forcing, forcing_k: HIGH.forcingK, cyclone_forcing: HIGH.cyclone };

async function integrate(high: PhillipsHigh, exec: Execution, spinUp: number, days: number): Promise<Omit<HighRun, "uuid" | "restart">> {
  for (let done = 0; done < spinUp; done += SCHEDULE.stepsPerDay) {
    high.run(Math.min(SCHEDULE.stepsPerDay, spinUp - done), (step, e, z) => {
      exec.logMetric("energy", step, e);
      exec.logMetric("enstrophy", step, z);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const out: Day[] = [];
  for (let d = 0; d < days; d++) {
    high.run(SCHEDULE.stepsPerDay, (step, e, z) => {
      exec.logMetric("energy", step, e);
      exec.logMetric("enstrophy", step, z);
    });
    const day = high.day();
    exec.logMetric("domain_mean_eke", d + 1, mean(day.eke));
    out.push(day);
    // Let the SDK send in the background while the integration goes on: the dashboard shows the
    // running execution and its curves growing.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const zonal = zonalMean(out);
  zonal.forEach((v, y) => exec.logMetric("zonal_mean_eke", y, v));
  const meanEke = mean(Float64Array.from(zonal));
  exec.logExecutionMetrics({ domain_mean_eke: meanEke, energy: high.solver.energy(), enstrophy: high.solver.enstrophy(), steps: high.steps });
  return { days: out, meanEke, zonalEke: zonal };
}

async function logRestart(ctx: Ctx, high: PhillipsHigh, exec: Execution): Promise<Logged> {
  const file = ctx.work.bytes(`phillips-high-restart-step-${high.steps}.f64`, high.restart());
  const logged = await exec.logDataset("output", file, { name: DATASETS.restart, properties: { step: high.steps, layout: "vorticity spectrum: real parts then imaginary parts, float64" } });
  return { name: logged.name, hash: logged.hash, uri: logged.uri, size: logged.size };
}

export async function spinUp(ctx: Ctx, high: PhillipsHigh): Promise<HighRun & { snapshots: Dataset; snapshotsFile: Logged }> {
  const t0 = performance.now();
  const days = SCHEDULE.partialDays;
  ctx.say(`Phillips-High spin-up: ${SCHEDULE.spinUpSteps} steps on ${HIGH.n}×${HIGH.n}, then ${days} daily snapshots…`);
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.high).execution({
    name: "Phillips-High spin-up",
    params: { ...physics, seed: ctx.seed, spin_up_steps: SCHEDULE.spinUpSteps, days, steps_per_day: SCHEDULE.stepsPerDay },
    properties: { model: "2D vorticity, pseudo-spectral (stand-in for MOM6 Phillips 2-layer)", ranks: SCHEDULE.ranks, coarse_grid: `${COARSE.n}x${COARSE.n}` },
  });
  const run = await integrate(high, exec, SCHEDULE.spinUpSteps, days);
  const snapshots = concat(...run.days.map((d) => d.samples));
  const file = ctx.work.dataset("phillips-high-snapshots.f64", snapshots);
  const logged = await exec.logDataset("output", file, { name: DATASETS.snapshots, properties: { samples: snapshots.rows, days, layout: DATASET_LAYOUT } });
  const restart = await logRestart(ctx, high, exec);
  exec.end();
  ctx.say(`  ${snapshots.rows} coarse samples, domain-mean EKE ${run.meanEke.toFixed(3)} (${secondsSince(t0)})`);
  return { uuid: exec.uuid, ...run, restart, snapshots, snapshotsFile: { name: logged.name, hash: logged.hash, uri: logged.uri, size: logged.size } };
}

// A further integration from the last restart; its fields go to the sampler as they are made
// (in the paper through SmartRedis), so the stream is logged as an ephemeral artifact.
export async function continueRun(ctx: Ctx, high: PhillipsHigh, iteration: number, from: Logged): Promise<HighRun & { stream: Logged }> {
  const t0 = performance.now();
  ctx.say(`Phillips-High it${iteration}: ${SCHEDULE.oodDays} more days from the restart at step ${high.steps}…`);
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.high).execution({
    name: `Phillips-High it${iteration}`,
    params: { ...physics, seed: ctx.seed, iteration, days: SCHEDULE.oodDays, steps_per_day: SCHEDULE.stepsPerDay },
    properties: { model: "2D vorticity, pseudo-spectral (stand-in for MOM6 Phillips 2-layer)", ranks: SCHEDULE.ranks },
  });
  exec.logDataset("input", from);
  const run = await integrate(high, exec, 0, SCHEDULE.oodDays);
  const all = concat(...run.days.map((d) => d.samples));
  const stream: Logged = { name: DATASETS.stream(iteration), hash: hashDataset(all), size: datasetBytes(all) };
  exec.logDataset("output", { ...stream, properties: { ephemeral: true, samples: all.rows, transport: "in memory, rank by rank (SmartRedis in the paper)" } });
  const restart = await logRestart(ctx, high, exec);
  exec.end();
  ctx.say(`  domain-mean EKE ${run.meanEke.toFixed(3)} (${secondsSince(t0)})`);
  return { uuid: exec.uuid, ...run, restart, stream };
}

function mean(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

// EKE averaged along x and over the days: one value per coarse row (the paper's Figure 5).
function zonalMean(days: Day[]): number[] {
  const n = COARSE.n;
  const out = new Array<number>(n).fill(0);
  for (const d of days) for (let i = 0; i < d.eke.length; i++) out[Math.floor(i / n)] += d.eke[i] / (n * days.length);
  return out;
}
