import "server-only";
import { postgresPool, type Db } from "../db/client";
import { fromBytes } from "./chunk-codec";
import { gapless, pointKey, type ChunkMeta, type Decoded, type PointData, type PointRef } from "./downsample";
import { postgresChunkReader } from "./postgres-chunk-reader";
import { sqliteChunkReader } from "./sqlite-chunk-reader";

// Where the downsampler's data comes from: chunk summaries, the decoded steps and values of the
// chunks it has to split, and single stored points (value and time).
export interface ChunkReader {
  source: string; // which path it reads through, e.g. "sqlite:/data/provscope.db" or "prisma"
  summaries(seriesId: number, from: number, to: number): Promise<ChunkMeta[]>; // overlapping [from, to], storage order
  decode(chunks: ChunkMeta[]): Promise<Map<number, Decoded>>; // values and times; steps unless gapless
  points(refs: PointRef[]): Promise<Map<string, PointData>>; // keyed by pointKey(ref)
}

const readers = new WeakMap<Db, Promise<ChunkReader>>();

// The fastest reader for this client's database: Prisma's adapters turn every blob byte into a JS
// number, which makes reading a million points take seconds. On PostgreSQL that is the client's own
// `pg` pool; on SQLite a driver connection to the same file (found with PRAGMA database_list, so it
// is always the client's own file).
export function chunkReader(db: Db): Promise<ChunkReader> {
  let reader = readers.get(db);
  if (!reader) {
    const pool = postgresPool(db);
    reader = pool
      ? Promise.resolve(postgresChunkReader(pool))
      : sqliteFile(db).then((file) => (file ? sqliteChunkReader(file) : prismaChunkReader(db)));
    readers.set(db, reader);
  }
  return reader;
}

async function sqliteFile(db: Db): Promise<string | null> {
  try {
    const rows = await db.$queryRawUnsafe<Array<{ name: string; file: string }>>("PRAGMA database_list");
    return rows.find((r) => r.name === "main")?.file || null;
  } catch {
    return null; // not SQLite
  }
}

const ID_BATCH = 500;
function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_BATCH) out.push(items.slice(i, i + ID_BATCH));
  return out;
}

// Provider-independent reader through Prisma: correct everywhere, slow on large reads.
export function prismaChunkReader(db: Db): ChunkReader {
  return {
    source: "prisma",
    summaries: (seriesId, from, to) =>
      db.seriesChunk.findMany({
        where: { seriesId, lastStep: { gte: from }, firstStep: { lte: to } },
        select: { id: true, firstStep: true, lastStep: true, count: true, minValue: true, maxValue: true, lastValue: true, nonFinite: true },
        orderBy: { id: "asc" },
      }),
    async decode(chunks) {
      const byId = new Map(chunks.map((c) => [c.id, c]));
      const out = new Map<number, Decoded>();
      for (const part of batches(chunks.map((c) => c.id))) {
        const rows = await db.seriesChunk.findMany({ where: { id: { in: part } }, select: { id: true, steps: true, values: true, times: true } });
        for (const r of rows) {
          const c = byId.get(r.id)!;
          const [values, times] = [fromBytes(r.values), fromBytes(r.times)];
          out.set(r.id, gapless(c) ? { values, times } : { steps: fromBytes(r.steps), values, times });
        }
      }
      return out;
    },
    async points(refs) {
      const out = new Map<string, PointData>();
      for (const part of batches([...new Set(refs.map((r) => r.id))])) {
        const rows = await db.seriesChunk.findMany({ where: { id: { in: part } }, select: { id: true, values: true, times: true } });
        const blobs = new Map(rows.map((r) => [r.id, { values: fromBytes(r.values), times: fromBytes(r.times) }]));
        for (const ref of refs) {
          const b = blobs.get(ref.id);
          if (b) out.set(pointKey(ref), { value: b.values[ref.index], time: b.times[ref.index] });
        }
      }
      return out;
    },
  };
}
