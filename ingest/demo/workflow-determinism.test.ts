import { describe, expect, it } from "vitest";
import { ARCHITECTURES, CLUSTERS, TRAINING } from "./config";
import { concat, hashDataset, normalise, select } from "./dataset";
import { createNet } from "./mlp";
import { partition } from "./partition";
import { PhillipsHigh } from "./phillips-high";
import { createRng } from "./rng";
import { train } from "./train";

// The computed part of Stage 1 (a short spin-up, the partition, one training run), without the
// server: one seed gives identical datasets and losses, another seed different ones.
function stage1(seed: number) {
  const rng = createRng(seed);
  const high = new PhillipsHigh(rng.fork("Phillips-High"));
  high.run(60);
  const days = Array.from({ length: 4 }, () => {
    high.run(10);
    return high.day().samples;
  });
  const snapshots = concat(...days);
  const p = partition(snapshots, CLUSTERS.k, rng.fork("kmeans"));
  const z = normalise(p.partial, p.defs.norm);
  const net = createNet(ARCHITECTURES.bottleneck.spec, rng.fork("init"));
  const r = train(net, { train: select(z, (i) => i % 7 !== 0), val: select(z, (i) => i % 7 === 0) }, { ...TRAINING, maxEpochs: 3, valThreshold: -Infinity }, rng.fork("train"));
  return { snapshots: hashDataset(snapshots), partial: hashDataset(p.partial), losses: r.valLoss };
}

describe("the demo's numbers", () => {
  it("are the same for the same seed and differ for another", () => {
    const a = stage1(7);
    expect(stage1(7)).toEqual(a);
    const b = stage1(8);
    expect(b.snapshots).not.toBe(a.snapshots);
    expect(b.losses).not.toEqual(a.losses);
  });
});
