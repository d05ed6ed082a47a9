import "server-only";
import type { Db } from "../db/client";
import { chunkReader } from "../metrics/chunk-reader";
import { bucketLayout } from "../metrics/downsample";
import { downsampleChunks, type SeriesRead } from "../metrics/read-series";

export type SeriesRef = { execution: string; key: string; rank: number };
export const seriesRefKey = (r: SeriesRef) => `${r.execution}\u0000${r.key}\u0000${r.rank}`;

// Whole-range reads of many series for a page that overlays them: what readSeries returns for each
// (same layout, same downsampling), but the series rows are found with ONE query. readSeries looks
// up the execution and the series with two Prisma queries per call, and compiling those queries
// was ~200 ms of server CPU for 50 curves, most of the page's time to first byte.
// Series that do not exist are left out. Between series it yields to the event loop, so requests
// for the page's scripts are answered while the curves are read.
export async function readWholeSeries(db: Db, refs: readonly SeriesRef[], buckets: number): Promise<Map<string, SeriesRead>> {
  const out = new Map<string, SeriesRead>();
  if (refs.length === 0) return out;
  const rows = await db.series.findMany({
    where: {
      execution: { uuid: { in: [...new Set(refs.map((r) => r.execution))] } },
      key: { in: [...new Set(refs.map((r) => r.key))] },
      rank: { in: [...new Set(refs.map((r) => r.rank))] },
    },
    select: { id: true, key: true, rank: true, minStep: true, maxStep: true, execution: { select: { uuid: true } } },
  });
  const byKey = new Map(rows.map((r) => [seriesRefKey({ execution: r.execution.uuid, key: r.key, rank: r.rank }), r]));
  const chunks = await chunkReader(db);
  for (const ref of refs) {
    const series = byKey.get(seriesRefKey(ref));
    if (!series) continue;
    const base = { execution: ref.execution, key: ref.key, rank: ref.rank, from: series.minStep, to: series.maxStep };
    const layout = series.minStep === null || series.maxStep === null ? null : bucketLayout(series.minStep, series.maxStep, buckets);
    if (!layout) {
      out.set(seriesRefKey(ref), { ...base, count: 0, fullResolution: true, bucketWidth: 1, buckets: [] });
      continue;
    }
    out.set(seriesRefKey(ref), { ...base, ...(await downsampleChunks(chunks, series.id, layout)) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
