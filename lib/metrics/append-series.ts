import "server-only";
import type { Tx } from "../db/client";
import { Params } from "../db/sql";
import { encodeChunks, parseValue } from "./chunk-codec";

export type SeriesAppend = {
  executionId: number;
  key: string;
  rank: number;
  steps: number[];
  values: Array<number | "NaN" | "Infinity" | "-Infinity">;
  times?: number[];
};

// Appends points as columnar chunks: a handful of rows per 10,000 points instead of 10,000 rows,
// which is what lets ingest run at hundreds of thousands of points per second.
export async function appendSeries(tx: Tx, input: SeriesAppend, now = Date.now()) {
  const n = input.steps.length;
  const steps = Float64Array.from(input.steps);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = parseValue(input.values[i]);
  const times = input.times ? Float64Array.from(input.times) : new Float64Array(n).fill(now);

  const series = await tx.series.upsert({
    where: { executionId_key_rank: { executionId: input.executionId, key: input.key, rank: input.rank } },
    create: { executionId: input.executionId, key: input.key, rank: input.rank },
    update: {},
    select: { id: true, count: true, minStep: true, maxStep: true },
  });

  const chunks = encodeChunks({ steps, values, times });
  const p = new Params();
  const rows = chunks.map(
    (c) =>
      `(${[series.id, c.firstStep, c.lastStep, c.count, c.minValue, c.maxValue, c.lastValue, c.nonFinite, c.steps, c.values, c.times]
        .map(p.bind)
        .join(", ")})`,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "SeriesChunk" ("seriesId", "firstStep", "lastStep", "count", "minValue", "maxValue", "lastValue", "nonFinite", "steps", "values", "times") VALUES ${rows.join(", ")}`,
    ...p.values,
  );

  const first = steps[0];
  const last = steps[n - 1];
  await tx.series.update({
    where: { id: series.id },
    data: {
      count: series.count + n,
      minStep: series.minStep === null ? first : Math.min(series.minStep, first),
      maxStep: series.maxStep === null ? last : Math.max(series.maxStep, last),
    },
    select: { id: true },
  });
  return { seriesId: series.id, points: n };
}
