// The workflow driver (the paper's SmartSim driver script, Figure 2): Stage 1 trains both
// architectures, asks Provscope whether one is good enough and, while none is, runs Phillips-High
// further and retrains on the union with the new OOD samples; Stage 2 promotes the best version to
// `deployed` and runs the low-resolution simulations with it. Then the outer loop once more: a
// quick update of the deployed model; when it passes the evaluator it is deployed, and when the
// deployed simulation then does worse, the driver rolls `deployed` back, saying why. (With the
// default seed all of this happens; with another the computed decisions may differ.)
import { ARCHITECTURES, EVALUATOR } from "./config";
import type { Ctx } from "./context";
import { pullDeployed } from "./deployed";
import { evaluate, evaluateUpdate, type Decision } from "./evaluator";
import { Climatology } from "./climatology";
import { PhillipsHigh } from "./phillips-high";
import { continueRun, spinUp } from "./stage-high";
import { runLow, type LowRun, type Reference } from "./stage-low";
import { partitionSnapshots } from "./stage-partition";
import { sampleRanks, type OodSet } from "./stage-sampler";
import { fineTune, trainArchitecture, type Arch, type Trained, type TrainingData } from "./stage-train";

export type WorkflowResult = {
  iterations: number;
  deployed: { model: string; version: number };
  rolledBack: { from: number; to: number; reason: string } | null;
  runs: { mlEke: LowRun; meke: LowRun; update: LowRun | null };
  trained: Trained[];
};

const ARCHS = Object.keys(ARCHITECTURES) as Arch[];

export async function runWorkflow(ctx: Ctx): Promise<WorkflowResult> {
  const high = new PhillipsHigh(ctx.rng.fork("Phillips-High"));
  const spun = await spinUp(ctx, high);
  const part = await partitionSnapshots(ctx, spun.snapshots, spun.snapshotsFile);
  const withheld = { data: part.withheld, file: part.files.withheld };
  const oodSets: OodSet[] = [];
  const trained: Trained[] = [];
  let restart = spun.restart;
  const climate = new Climatology();
  climate.add(spun.days);
  let reference: Reference = { ...climate.mean(), restart, init: high.coarseState(), truth: spun.days[spun.days.length - 1].samples };

  // Stage 1: continual learning until the evaluator is satisfied (or the budget is spent).
  let decision: Decision;
  let iteration = 0;
  for (;;) {
    const data: TrainingData = { sets: [{ data: part.partial, file: part.files.partial }, ...oodSets.map((o) => ({ data: o.data, file: o.file }))], withheld, defs: part.defs };
    ctx.say(`stage 1, iteration ${iteration}: training ${ARCHS.map((a) => ARCHITECTURES[a].name).join(" and ")} on ${data.sets.map((s) => s.file.name).join(" + ")}…`);
    for (const arch of ARCHS) trained.push(await trainArchitecture(ctx, arch, iteration, data));
    decision = await evaluate(ctx, iteration, ARCHS.map((a) => ctx.names[a]), iteration === EVALUATOR.maxIterations);
    if (decision.ready) break;
    iteration++;
    const run = await continueRun(ctx, high, iteration, restart);
    restart = run.restart;
    climate.add(run.days);
    reference = { ...climate.mean(), restart, init: high.coarseState(), truth: run.days[run.days.length - 1].samples };
    oodSets.push(await sampleRanks(ctx, iteration, run, part.defs, part.files.clusters));
  }

  // Stage 2: deploy, run the low-resolution simulations.
  const { best } = decision;
  await ctx.ps.registry.promote(best.model, "deployed", best.version, `evaluator it${iteration}: lowest test_loss ${best.value.toFixed(3)} (threshold ${EVALUATOR.testThreshold})`);
  ctx.say(`stage 2: ${best.model} v${best.version} promoted to @deployed`);
  const mlEke = await runLow(ctx, "ml", reference, best.model);
  const meke = await runLow(ctx, "meke", reference);

  // The outer loop once more: new data, a quick update of the deployed model, judged by the
  // deployed simulation's diagnostics rather than by the test loss alone.
  iteration++;
  ctx.say(`outer loop, iteration ${iteration}: new Phillips-High data, quick update of ${best.model}…`);
  const run = await continueRun(ctx, high, iteration, restart);
  oodSets.push(await sampleRanks(ctx, iteration, run, part.defs, part.files.clusters));
  const base = await pullDeployed(ctx, best.model);
  const update = await fineTune(ctx, base, iteration, { sets: oodSets.map((o) => ({ data: o.data, file: o.file })), withheld, defs: part.defs });
  trained.push(update);
  const latest = await evaluateUpdate(ctx, iteration, best.model);
  let updateRun: LowRun | null = null;
  let rolledBack: WorkflowResult["rolledBack"] = null;
  if (latest.ready && latest.version !== best.version) {
    await ctx.ps.registry.promote(best.model, "deployed", latest.version, `evaluator it${iteration}: latest version, test_loss ${latest.testLoss.toFixed(3)} < ${EVALUATOR.testThreshold}`);
    ctx.say(`  ${best.model} v${latest.version} promoted to @deployed`);
    updateRun = await runLow(ctx, "ml", reference, best.model);
    rolledBack = await judge(ctx, best.model, mlEke, updateRun);
  }
  const deployed = await ctx.ps.registry.alias(best.model, "deployed");
  return { iterations: iteration, deployed: { model: best.model, version: deployed.version }, rolledBack, runs: { mlEke, meke, update: updateRun }, trained };
}

// Reads both runs' diagnostics back from Provscope and rolls back when the update predicts the
// EKE of the state the simulation starts from (where Phillips-High's EKE is known) worse than the
// version it replaced.
async function judge(ctx: Ctx, model: string, before: LowRun, after: LowRun): Promise<WorkflowResult["rolledBack"]> {
  await ctx.ps.flush();
  const metrics = async (uuid: string) => (await ctx.ps.http.request<{ metrics: Record<string, number> }>("GET", `/api/v1/executions/${encodeURIComponent(uuid)}`)).metrics;
  const [was, now] = [await metrics(before.uuid), await metrics(after.uuid)];
  const v = (r: LowRun) => `v${r.model!.version}`;
  const facts = `EKE error at the start ${now.eke_rmse_at_start.toFixed(3)} (RMS, log) vs ${was.eke_rmse_at_start.toFixed(3)} with ${v(before)}; domain-mean EKE off by ${(100 * now.eke_error).toFixed(0)}% vs ${(100 * was.eke_error).toFixed(0)}%`;
  if (now.eke_rmse_at_start <= was.eke_rmse_at_start) {
    ctx.say(`  ${v(after)} stays deployed: ${facts}`);
    return null;
  }
  const reason = `Phillips-Low-ML-EKE with ${v(after)} is worse: ${facts}. ${v(after)} was fine-tuned on OOD samples alone`;
  const moved = await ctx.ps.registry.rollback(model, "deployed", reason);
  ctx.say(`  rolled @deployed back to v${moved.version}: ${reason}`);
  return { from: after.model!.version, to: moved.version, reason };
}
