import type { IngestBatchInput } from "../../schemas/ingest";
import type { MlflowMetric } from "../../schemas/mlflow";
import { flattenParams } from "../../ingest/flatten-params";
import { numberIfUnambiguous } from "../numeric-string";
import { invalidParameter } from "./errors";

// Pure translation of MLflow logging calls into ingest ops, given the run's current state.

type Op = IngestBatchInput["ops"][number];
type KeyValue = { key: string; value: string };

// Params are write-once in MLflow: logging the same value again is fine, a different one is an
// error. Returns the merged params, or null when nothing new was logged. Numeric text becomes a
// number when that loses nothing ("0.01" → 0.01), so Provscope's filters compare it numerically.
export function mergeParams(runId: string, current: Record<string, unknown>, incoming: KeyValue[]): Record<string, unknown> | null {
  const known = new Map(flattenParams(current).map((r) => [r.key, r.str ?? r.value]));
  const added = new Map<string, string>();
  for (const { key, value } of incoming) {
    const before = known.get(key) ?? added.get(key);
    if (before === undefined) added.set(key, value);
    else if (before !== value) {
      throw invalidParameter(
        `Changing param values is not allowed. Param with key='${key}' was already logged with value='${before}' for run ID='${runId}'. Attempted logging new value '${value}'.`,
      );
    }
  }
  if (added.size === 0) return null;
  return { ...current, ...Object.fromEntries([...added].map(([k, v]) => [k, numberIfUnambiguous(v)])) };
}

// Tags are overwritable; the last value for a key wins. Returns the merged properties.
export function mergeTags(properties: Record<string, unknown>, current: Map<string, string>, incoming: KeyValue[]): Record<string, unknown> {
  const tags = new Map(current);
  for (const { key, value } of incoming) tags.set(key, value);
  return { ...properties, tags: Object.fromEntries(tags) };
}

// MLflow metric points → `series` ops (one per key; a step logged twice in one call goes into a
// second op, because a series op needs strictly increasing steps) plus one `metrics` op with each
// key's latest value, which is what filters, compare and the registry's "best" read. A point
// counts as latest when its step is at least the highest step already stored (`maxSteps`).
export function metricOps(runId: string, points: MlflowMetric[], maxSteps: Map<string, number | null>, now = Date.now()): Op[] {
  const byKey = new Map<string, Array<MlflowMetric & { time: number; order: number }>>();
  points.forEach((p, order) => {
    if (p.step < 0 || !Number.isSafeInteger(p.step)) {
      throw invalidParameter(`metric '${p.key}' has step ${p.step}; Provscope stores steps from 0 to 2^53`);
    }
    const time = p.timestamp ?? now;
    if (time < 0) throw invalidParameter(`metric '${p.key}' has timestamp ${time}; give milliseconds since the epoch`);
    const list = byKey.get(p.key) ?? [];
    list.push({ ...p, time, order });
    byKey.set(p.key, list);
  });

  const ops: Op[] = [];
  const latest: Record<string, number | "NaN" | "Infinity" | "-Infinity"> = {};
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => a.step - b.step || a.order - b.order);
    const layers: Array<typeof sorted> = [];
    for (let i = 0, repeat = 0; i < sorted.length; i++) {
      repeat = i > 0 && sorted[i].step === sorted[i - 1].step ? repeat + 1 : 0;
      (layers[repeat] ??= []).push(sorted[i]);
    }
    for (const layer of layers) {
      ops.push({ op: "series", execution: runId, key, steps: layer.map((p) => p.step), values: layer.map((p) => p.value), times: layer.map((p) => p.time) });
    }
    const last = [...list].sort((a, b) => a.step - b.step || a.time - b.time || a.order - b.order)[list.length - 1];
    const stored = maxSteps.get(key);
    if (stored === undefined || stored === null || last.step >= stored) latest[key] = last.value;
  }
  if (Object.keys(latest).length) ops.push({ op: "metrics", execution: runId, values: latest });
  return ops;
}
