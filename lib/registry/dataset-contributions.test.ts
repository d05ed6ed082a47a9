import { describe, expect, it } from "vitest";
import { directionOf } from "../compare/metric-direction";
import { datasetContributions, datasetEffects, type ContributionVersion } from "./dataset-contributions";

const ds = (id: number, name: string, hash = `sha256:${name}`) => ({ id, name, type: "dataset", hash });
const partial = ds(1, "partial-dataset");
const ood1 = ds(2, "ood-samples-it1");
const ood2 = ds(3, "ood-samples-it2");
const partialV2 = ds(4, "partial-dataset", "sha256:partial-v2");
const env = { id: 9, name: "conda-env", type: "environment", hash: "sha256:env" };

const v = (version: number, inputs: ContributionVersion["inputs"], metrics: ContributionVersion["metrics"]): ContributionVersion => ({
  version,
  execution: { uuid: `train-${version}`, name: `train it${version}` },
  inputs,
  metrics,
});

describe("dataset contributions", () => {
  const versions = [
    v(3, [partialV2, ood1, ood2], { test_loss: 0.35, accuracy: 0.8 }),
    v(1, [partial, env], { test_loss: 0.47, accuracy: 0.7 }),
    v(2, [partial, ood1, env], { test_loss: 0.4, accuracy: 0.75, epochs: 60 }),
  ];
  const result = datasetContributions(versions, (k) => directionOf(k));

  it("compares successive versions in version order", () => {
    expect(result.map((c) => [c.from, c.to, c.execution?.uuid])).toEqual([
      [1, 2, "train-2"],
      [2, 3, "train-3"],
    ]);
  });

  it("reports datasets added and kept, ignoring inputs that are not datasets", () => {
    const [first] = result;
    expect(first.added).toEqual([ood1]);
    expect(first.removed).toEqual([]);
    expect(first.kept).toEqual([partial]);
    expect(first.replaced).toEqual([]);
  });

  it("reports a dataset logged again with new content as replaced", () => {
    const second = result[1];
    expect(second.added).toEqual([ood2]);
    expect(second.removed).toEqual([]);
    expect(second.replaced).toEqual([{ name: "partial-dataset", before: partial, after: partialV2 }]);
    expect(second.kept).toEqual([ood1]);
  });

  it("reports every metric's change with better/worse by its direction", () => {
    const [first, second] = result;
    const byKey = (c: (typeof result)[number]) => Object.fromEntries(c.metrics.map((m) => [m.key, m]));
    expect(byKey(first).test_loss).toMatchObject({ before: 0.47, after: 0.4, verdict: "better" });
    expect(byKey(first).test_loss.delta).toBeCloseTo(-0.07);
    expect(byKey(first).accuracy).toMatchObject({ verdict: "better" });
    // Only on one side: shown, never judged.
    expect(byKey(first).epochs).toMatchObject({ before: undefined, after: 60, delta: null, verdict: "unknown" });
    expect(byKey(second).test_loss).toMatchObject({ verdict: "better" });
  });

  it("reports removals, and a regression as worse", () => {
    const [c] = datasetContributions([v(1, [partial, ood1], { test_loss: 0.3 }), v(2, [partial], { test_loss: 0.5 })], (k) => directionOf(k));
    expect(c.removed).toEqual([ood1]);
    expect(c.added).toEqual([]);
    expect(c.metrics[0]).toMatchObject({ key: "test_loss", verdict: "worse" });
  });

  it("has nothing to compare for fewer than two versions", () => {
    expect(datasetContributions([v(1, [partial], {})], () => null)).toEqual([]);
    expect(datasetContributions([], () => null)).toEqual([]);
  });

  it("lists, across models, what each added dataset did to a metric", () => {
    const other = datasetContributions(
      [v(1, [partial], { test_loss: 0.42 }), v(2, [partial, ood1], { test_loss: 0.45 })],
      (k) => directionOf(k),
    );
    const effects = datasetEffects([{ name: "EKE-ResNet", contributions: result }, { name: "EKE-Bottleneck", contributions: other }], "test_loss");
    expect(effects.map((e) => [e.dataset, e.model, e.from, e.to, e.change.verdict])).toEqual([
      ["ood-samples-it1", "EKE-ResNet", 1, 2, "better"],
      ["ood-samples-it2", "EKE-ResNet", 2, 3, "better"],
      ["partial-dataset", "EKE-ResNet", 2, 3, "better"],
      ["ood-samples-it1", "EKE-Bottleneck", 1, 2, "worse"],
    ]);
  });
});
