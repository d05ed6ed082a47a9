import { metricDelta, type Delta, type MetricValue } from "../compare/metric-delta";
import type { Direction } from "../compare/metric-direction";

// The paper's a-posteriori analysis: between successive versions of a model, which input datasets
// were added or removed and how each final metric of the producing execution changed, so a
// scientist sees which OOD sample set improved which architecture. Pure: the model page and the
// models overview compute it from GET /api/v1/models/{name}.

export type InputArtifact = { id: number; name: string; type: string; hash: string };
export type ContributionVersion = {
  version: number;
  execution: { uuid: string; name: string } | null;
  inputs: InputArtifact[];
  metrics: Record<string, MetricValue>;
};

export type MetricChange = Delta & { key: string; before: MetricValue; after: MetricValue };
// A dataset logged under the same name with new content: the same data set, updated.
export type Replaced = { name: string; before: InputArtifact; after: InputArtifact };
export type Contribution = {
  from: number;
  to: number;
  execution: ContributionVersion["execution"];
  added: InputArtifact[];
  removed: InputArtifact[];
  replaced: Replaced[];
  kept: InputArtifact[];
  metrics: MetricChange[];
};

const datasets = (v: ContributionVersion) => v.inputs.filter((a) => a.type === "dataset");

// One entry per successive pair (v1→v2, v2→v3, …) in version order. Artifacts are the same
// dataset when they are the same node (type, name and hash); a name present on both sides with
// different hashes is reported as replaced rather than as one removal plus one addition.
export function datasetContributions(
  versions: readonly ContributionVersion[],
  directionOf: (key: string) => Direction | null,
): Contribution[] {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const out: Contribution[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const next = ordered[i];
    const before = datasets(prev);
    const after = datasets(next);
    const beforeIds = new Set(before.map((a) => a.id));
    const afterIds = new Set(after.map((a) => a.id));
    let added = after.filter((a) => !beforeIds.has(a.id));
    let removed = before.filter((a) => !afterIds.has(a.id));
    const replaced: Replaced[] = [];
    for (const a of [...added]) {
      const r = removed.find((x) => x.name === a.name);
      if (!r) continue;
      replaced.push({ name: a.name, before: r, after: a });
      added = added.filter((x) => x !== a);
      removed = removed.filter((x) => x !== r);
    }
    const keys = [...new Set([...Object.keys(prev.metrics), ...Object.keys(next.metrics)])].sort((a, b) => a.localeCompare(b));
    const metrics = keys.map((key) => {
      const b = Object.hasOwn(prev.metrics, key) ? prev.metrics[key] : undefined;
      const a = Object.hasOwn(next.metrics, key) ? next.metrics[key] : undefined;
      return { key, before: b, after: a, ...metricDelta(b, a, directionOf(key)) };
    });
    out.push({
      from: prev.version,
      to: next.version,
      execution: next.execution,
      added,
      removed,
      replaced,
      kept: after.filter((a) => beforeIds.has(a.id)),
      metrics,
    });
  }
  return out;
}

export type DatasetEffect = { dataset: string; model: string; from: number; to: number; change: MetricChange };

// Across models: for each dataset that a version added, the change of `metric` it came with,
// e.g. "ood-samples-it1: EKE-ResNet test_loss −0.07 (better), EKE-Bottleneck −0.09 (better)".
export function datasetEffects(models: Array<{ name: string; contributions: Contribution[] }>, metric: string): DatasetEffect[] {
  const out: DatasetEffect[] = [];
  for (const m of models) {
    for (const c of m.contributions) {
      const change = c.metrics.find((x) => x.key === metric);
      if (!change) continue;
      for (const d of [...c.added, ...c.replaced.map((r) => r.after)]) {
        out.push({ dataset: d.name, model: m.name, from: c.from, to: c.to, change });
      }
    }
  }
  return out;
}
