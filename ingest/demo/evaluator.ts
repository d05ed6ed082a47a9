// The model evaluator is the driver asking Provscope, not local state (the paper, 3.3): the best
// version of each architecture by test loss (GET /models/{name}/best?metric=test_loss), and
// whether one is below the threshold. Each decision is an execution of its own, so the executions
// table shows when and why the workflow went on generating data or deployed.
import type { BestVersion } from "../ts/src";
import { EVALUATOR } from "./config";
import { STAGES, type Ctx } from "./context";

export type Decision = { ready: boolean; best: BestVersion; candidates: BestVersion[] };

// `final`: the iteration budget is spent, so the best there is gets deployed regardless.
export async function evaluate(ctx: Ctx, iteration: number, models: string[], final: boolean): Promise<Decision> {
  const candidates = await Promise.all(models.map((m) => ctx.ps.registry.best(m, "test_loss")));
  const best = candidates.reduce((a, b) => (b.value < a.value ? b : a));
  const ready = best.value < EVALUATOR.testThreshold;
  const decision = ready
    ? `deploy ${best.model} v${best.version}: test_loss ${best.value.toFixed(3)} < ${EVALUATOR.testThreshold}`
    : final
      ? `iteration budget spent: deploy the best there is, ${best.model} v${best.version} (test_loss ${best.value.toFixed(3)} ≥ ${EVALUATOR.testThreshold})`
      : `no model below test_loss ${EVALUATOR.testThreshold} (best: ${best.model} v${best.version}, ${best.value.toFixed(3)}): run Phillips-High further`;
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.evaluate).execution({
    name: `evaluate it${iteration}`,
    params: { iteration, metric: "test_loss", threshold: EVALUATOR.testThreshold, max_iterations: EVALUATOR.maxIterations },
    properties: { decision, candidates: candidates.map((c) => `${c.model} v${c.version}: ${c.value.toFixed(4)}`).join("; ") },
  });
  exec.logExecutionMetrics({ best_test_loss: best.value, ready: ready ? 1 : 0 });
  exec.end();
  ctx.say(`evaluator it${iteration}: ${decision}`);
  return { ready: ready || final, best, candidates };
}

type ModelDetail = { versions: Array<{ version: number; metrics: Record<string, number | string> }> };

// After deployment, an update of the deployed model is judged as the paper's driver picks what to
// deploy: the model's latest version (GET /models/{name}), if its test loss passes the threshold.
export async function evaluateUpdate(ctx: Ctx, iteration: number, model: string): Promise<{ ready: boolean; version: number; testLoss: number }> {
  const detail = await ctx.ps.http.request<ModelDetail>("GET", `/api/v1/models/${encodeURIComponent(model)}`);
  const latest = detail.versions[detail.versions.length - 1];
  const testLoss = Number(latest.metrics.test_loss);
  const ready = testLoss < EVALUATOR.testThreshold;
  const decision = ready
    ? `deploy the latest version, ${model} v${latest.version}: test_loss ${testLoss.toFixed(3)} < ${EVALUATOR.testThreshold}`
    : `keep @deployed: the latest version, ${model} v${latest.version}, has test_loss ${testLoss.toFixed(3)} ≥ ${EVALUATOR.testThreshold}`;
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.evaluate).execution({
    name: `evaluate it${iteration}`,
    params: { iteration, metric: "test_loss", threshold: EVALUATOR.testThreshold, rule: "latest version below the threshold" },
    properties: { decision },
  });
  exec.logExecutionMetrics({ latest_test_loss: testLoss, ready: ready ? 1 : 0 });
  exec.end();
  ctx.say(`evaluator it${iteration}: ${decision}`);
  return { ready, version: latest.version, testLoss };
}
