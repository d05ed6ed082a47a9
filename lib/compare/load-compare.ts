import "server-only";
import type { Db } from "../db/client";
import { readSeries } from "../metrics/read-series";
import type { CompareQuery } from "../schemas/compare";
import { comparedExecutions, type ComparedExecution } from "./compared-executions";
import { preloadSeries, type SeriesRef } from "./preload-series";
import type { PackedSeries } from "./series-wire";

export type { ComparedExecution };
// The value a series had at a step: its last point at or before it (null when it starts later).
export type ValueAtStep = { value: number | string; step: number } | null;

// Everything the compare page shows that comes from the database: the executions (in the order
// asked for; unknown ids listed separately, not an error, since a shared link may outlive a run),
// the whole-range buckets of their series at the chosen rank (the curves' first view) and, when a
// step is chosen, every series' value at that step.
// The curves are a promise the page hands to the browser unresolved: React streams them after the
// rest of the page, so the browser loads its scripts and hydrates while the server reads them.
export async function loadCompare(db: Db, q: CompareQuery) {
  const executions = await comparedExecutions(db, q.executions);
  const found = new Set(executions.map((e) => e.uuid));
  const missing = q.executions.filter((u) => !found.has(u));
  const atStep = q.step === undefined ? null : await valuesAtStep(db, executions, q.step, q.rank);
  const refs = executions.flatMap((e) => e.series.filter((s) => s.rank === q.rank).map((s) => ({ execution: e.uuid, key: s.key, rank: s.rank })));
  return { executions, missing, atStep, series: streamedSeries(db, refs) };
}

// `{ [uuid]: { [key]: value at step } }` for the series each execution has at `rank`.
async function valuesAtStep(db: Db, executions: ComparedExecution[], step: number, rank: number) {
  const out: Record<string, Record<string, ValueAtStep>> = {};
  for (const e of executions) {
    const row: Record<string, ValueAtStep> = {};
    for (const s of e.series.filter((x) => x.rank === rank)) {
      if (s.minStep === null || step < s.minStep) {
        row[s.key] = null;
        continue;
      }
      // One bucket from the first step to `step`: its last point is the value at the step.
      const r = await readSeries(db, { execution: e.uuid, key: s.key, rank, to: step, buckets: 1 });
      const b = r.buckets[r.buckets.length - 1];
      row[s.key] = b ? { value: b.last, step: b.lastStep } : null;
    }
    out[e.uuid] = row;
  }
  return out;
}

// Started on the next turn of the event loop, so the page itself is rendered and sent first. Never
// rejects: on a failure the charts ask the API for each curve, and say what is wrong there.
function streamedSeries(db: Db, refs: SeriesRef[]): Promise<Record<string, PackedSeries>> {
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => preloadSeries(db, refs))
    .catch((err: unknown) => {
      console.error("compare: preloading the curves failed; the browser will ask for them", err);
      return {};
    });
}
