import "server-only";
import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import type { SeriesQuery } from "../schemas/series";
import { chunkReader, type ChunkReader } from "./chunk-reader";
import { bucketLayout, completeBuckets, downsample, planDownsample, pointKey, type Bucket, type Layout } from "./downsample";

export type SeriesKey = { key: string; rank: number; count: number; minStep: number | null; maxStep: number | null };

export type SeriesRead = {
  execution: string;
  key: string;
  rank: number;
  from: number | null;
  to: number | null;
  count: number; // points in the window
  fullResolution: boolean; // true when every bucket is one point
  bucketWidth: number; // steps covered by each bucket
  buckets: Bucket[];
};

// The series keys an execution has, for the execution detail view and for helpful 404s.
export async function listSeriesKeys(db: Db, executionId: number): Promise<SeriesKey[]> {
  return db.series.findMany({
    where: { executionId },
    select: { key: true, rank: true, count: true, minStep: true, maxStep: true },
    orderBy: [{ key: "asc" }, { rank: "asc" }],
  });
}

// GET /api/v1/series: one series downsampled to min/max/last buckets over a step window.
export async function readSeries(db: Db, q: SeriesQuery, reader?: ChunkReader): Promise<SeriesRead> {
  const execution = await db.execution.findUnique({ where: { uuid: q.execution }, select: { id: true } });
  if (!execution) {
    throw notFound(`no execution with uuid '${q.execution}'; check the execution parameter (GET /api/v1/executions lists them)`);
  }
  const series = await db.series.findUnique({
    where: { executionId_key_rank: { executionId: execution.id, key: q.key, rank: q.rank } },
    select: { id: true, minStep: true, maxStep: true },
  });
  if (!series) throw notFound(await missingSeriesMessage(db, execution.id, q));

  const from = q.from ?? series.minStep;
  const to = q.to ?? series.maxStep;
  const base = { execution: q.execution, key: q.key, rank: q.rank, from, to };
  // Clamping to where the data is keeps every bucket useful when the window is wider than the series.
  const layout =
    from === null || to === null || series.minStep === null || series.maxStep === null
      ? null
      : bucketLayout(Math.max(from, series.minStep), Math.min(to, series.maxStep), q.buckets);
  if (!layout) return { ...base, count: 0, fullResolution: true, bucketWidth: 1, buckets: [] };

  return { ...base, ...(await downsampleChunks(reader ?? (await chunkReader(db)), series.id, layout)) };
}

// One series' points in `layout`, as buckets: chunk summaries first, then the blobs of the chunks
// that must be split, then single points for buckets that end in a chunk merged from its summary.
export async function downsampleChunks(chunks: ChunkReader, seriesId: number, layout: Layout) {
  const summaries = await chunks.summaries(seriesId, layout.from, layout.to);
  const decoded = await chunks.decode(planDownsample(summaries, layout));
  const result = downsample(summaries, layout, (id) => decoded.get(id));
  const points = await chunks.points(result.pending);
  const buckets = completeBuckets(result, (ref) => points.get(pointKey(ref)));
  return { count: result.count, fullResolution: result.fullResolution, bucketWidth: result.width, buckets };
}

async function missingSeriesMessage(db: Db, executionId: number, q: SeriesQuery): Promise<string> {
  const keys = await listSeriesKeys(db, executionId);
  const wanted = `execution '${q.execution}' has no series '${q.key}' at rank ${q.rank}`;
  if (keys.length === 0) return `${wanted}; it has no step metrics yet (send a series op to /api/v1/batches)`;
  const shown = keys.slice(0, 50).map((k) => `${k.key} (rank ${k.rank})`);
  const more = keys.length > shown.length ? `, and ${keys.length - shown.length} more` : "";
  return `${wanted}; it has: ${shown.join(", ")}${more}`;
}
