// The OOD sampler: each rank of the Phillips-High integration hands its subdomain of every day's
// coarse fields to the sampler, which keeps the samples falling into the withheld cluster. One
// execution per rank (children of the integration), each logging what it saw and kept per day;
// together they write the iteration's OOD sample set (a collective output: every rank produced it).
import { COARSE, SCHEDULE } from "./config";
import { DATASETS, STAGES, type Ctx, type Logged } from "./context";
import { concat, select, type Dataset } from "./dataset";
import { DATASET_LAYOUT } from "./files";
import { subdomainOf } from "./features";
import { sampleOutOfDistribution, type ClusterDefinitions } from "./partition";
import type { HighRun } from "./stage-high";

export type OodSet = { iteration: number; data: Dataset; file: Logged };

export async function sampleRanks(ctx: Ctx, iteration: number, run: HighRun & { stream: Logged }, defs: ClusterDefinitions, clusters: Logged): Promise<OodSet> {
  const ranks = SCHEDULE.ranks;
  const cells = COARSE.n * COARSE.n;
  const rankOf = Int32Array.from({ length: cells }, (_, i) => subdomainOf(i, COARSE.n, ranks));
  const execs = Array.from({ length: ranks }, (_, r) =>
    ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.sampler).execution({
      name: `OOD sampler it${iteration} · rank ${r}`,
      parent: run.uuid,
      params: { iteration, rank: r, ranks, cluster: defs.withheld, k: defs.k },
      properties: { subdomain: `quadrant ${r} of the ${COARSE.n}×${COARSE.n} coarse grid` },
    }),
  );
  for (const e of execs) {
    e.logDataset("input", run.stream);
    e.logDataset("input", clusters);
  }
  const kept: Dataset[] = [];
  const seen = new Array<number>(ranks).fill(0), keptCount = new Array<number>(ranks).fill(0);
  run.days.forEach((day, d) => {
    for (let r = 0; r < ranks; r++) {
      const sub = select(day.samples, (row) => rankOf[row % cells] === r);
      const ood = sampleOutOfDistribution(defs, sub);
      execs[r].logMetric("samples_kept", d + 1, ood.rows);
      seen[r] += sub.rows;
      keptCount[r] += ood.rows;
      kept.push(ood);
    }
  });
  const data = concat(...kept);
  const path = ctx.work.dataset(`ood-samples-it${iteration}.f64`, data);
  let file: Logged | null = null;
  for (let r = 0; r < ranks; r++) {
    const l = await execs[r].logDataset("output", path, {
      name: DATASETS.ood(iteration),
      properties: { samples: data.rows, iteration, cluster: defs.withheld, layout: DATASET_LAYOUT },
    });
    file = { name: l.name, hash: l.hash, uri: l.uri, size: l.size };
    execs[r].logExecutionMetrics({ samples_seen: seen[r], samples_kept: keptCount[r] });
    execs[r].end();
  }
  ctx.say(`  OOD sampler, ${ranks} ranks: kept ${keptCount.join(" + ")} = ${data.rows} samples in the withheld cluster`);
  return { iteration, data, file: file! };
}
