// The partial dataset: k-means on the Phillips-High snapshots, the cluster with the highest
// positive relative vorticity withheld as the test set, the cluster definitions saved for the
// sampler. One execution, three output artifacts.
import { CLUSTERS } from "./config";
import { DATASETS, STAGES, type Ctx, type Logged } from "./context";
import type { Dataset } from "./dataset";
import { DATASET_LAYOUT } from "./files";
import { partition, type Partition } from "./partition";

export type Partitioned = Partition & { files: { partial: Logged; withheld: Logged; clusters: Logged } };

export async function partitionSnapshots(ctx: Ctx, snapshots: Dataset, source: Logged): Promise<Partitioned> {
  ctx.say(`partial dataset: k-means (k=${CLUSTERS.k}) on the normalised features, withholding the cluster of highest positive relative vorticity…`);
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.partition).execution({
    name: "k-means partition",
    params: { k: CLUSTERS.k, features: ["log_mke", "log_slope", "rv", "log_grid_eddy_ratio"], normalisation: "z-score", seed: ctx.seed },
  });
  exec.logDataset("input", source);
  const p = partition(snapshots, CLUSTERS.k, ctx.rng.fork("kmeans"));
  const log = async (direction: "output", file: string, name: string, properties: Record<string, unknown>): Promise<Logged> => {
    const l = await exec.logDataset(direction, file, { name, properties });
    return { name: l.name, hash: l.hash, uri: l.uri, size: l.size };
  };
  const files = {
    partial: await log("output", ctx.work.dataset("partial-dataset.f64", p.partial), DATASETS.partial, { samples: p.partial.rows, layout: DATASET_LAYOUT }),
    withheld: await log("output", ctx.work.dataset("withheld-cluster.f64", p.withheld), DATASETS.withheld, {
      samples: p.withheld.rows, cluster: p.defs.withheld, role: "test set", layout: DATASET_LAYOUT,
    }),
    clusters: await log("output", ctx.work.json("cluster-definitions.json", p.defs), DATASETS.clusters, { k: p.defs.k, withheld: p.defs.withheld }),
  };
  exec.logExecutionMetrics({ samples: snapshots.rows, partial_samples: p.partial.rows, withheld_samples: p.withheld.rows, withheld_cluster: p.defs.withheld });
  exec.end();
  ctx.say(`  ${p.partial.rows} samples kept, ${p.withheld.rows} withheld (cluster ${p.defs.withheld} of sizes ${p.defs.sizes.join("/")})`);
  return { ...p, files };
}
