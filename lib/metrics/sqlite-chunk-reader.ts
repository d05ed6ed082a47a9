import "server-only";
import Database from "better-sqlite3";
import { fromBytes } from "./chunk-codec";
import type { ChunkReader } from "./chunk-reader";
import { gapless, pointKey, type ChunkMeta, type Decoded, type PointData } from "./downsample";

// Chunk reads straight from the SQLite driver, on a connection of their own that never writes
// (query_only). WAL lets it read while the server's Prisma connection writes; chunks are never
// updated once written, so what it reads is always a committed, whole chunk.

const SUMMARIES = `SELECT "id", "firstStep", "lastStep", "count", "minValue", "maxValue", "lastValue", "nonFinite"
  FROM "SeriesChunk" WHERE "seriesId" = ? AND "lastStep" >= ? AND "firstStep" <= ? ORDER BY "id"`;
// Id lists travel as one JSON value, so any number of ids fits one prepared statement.
// Times come along: reading them in the same row walk costs less than fetching single times later.
const VALUES = `SELECT "id", "values" AS "v", "times" AS "t" FROM "SeriesChunk" WHERE "id" IN (SELECT value FROM json_each(?))`;
const STEPS_VALUES = `SELECT "id", "steps" AS "s", "values" AS "v", "times" AS "t" FROM "SeriesChunk" WHERE "id" IN (SELECT value FROM json_each(?))`;
// Single points: 8 bytes of each blob at the point's offset.
const POINTS = `SELECT r."key" AS "k", substr(c."values", r."off" * 8 + 1, 8) AS "v", substr(c."times", r."off" * 8 + 1, 8) AS "t"
  FROM (SELECT "key", json_extract(value, '$[0]') AS "id", json_extract(value, '$[1]') AS "off" FROM json_each(?)) r
  JOIN "SeriesChunk" c ON c."id" = r."id"`;

type Statements = { summaries: Database.Statement; values: Database.Statement; stepsValues: Database.Statement; points: Database.Statement };
const open = new Map<string, Statements>();

function statements(file: string): Statements {
  let s = open.get(file);
  if (!s) {
    const conn = new Database(file, { fileMustExist: true, timeout: 30_000 });
    conn.pragma("query_only = ON");
    // Chunk rows span several overflow pages; memory-mapped reads walk them without a syscall each.
    conn.pragma("mmap_size = 1073741824");
    s = {
      summaries: conn.prepare(SUMMARIES),
      values: conn.prepare(VALUES),
      stepsValues: conn.prepare(STEPS_VALUES),
      points: conn.prepare(POINTS),
    };
    open.set(file, s);
  }
  return s;
}

export function sqliteChunkReader(file: string): ChunkReader {
  const st = statements(file);
  return {
    source: `sqlite:${file}`,
    summaries: async (seriesId, from, to) => st.summaries.all(seriesId, from, to) as ChunkMeta[],
    async decode(chunks) {
      const out = new Map<number, Decoded>();
      const plain = chunks.filter(gapless).map((c) => c.id);
      const gappy = chunks.filter((c) => !gapless(c)).map((c) => c.id);
      if (plain.length > 0) {
        for (const r of st.values.all(JSON.stringify(plain)) as Array<{ id: number; v: Buffer; t: Buffer }>) {
          out.set(r.id, { values: fromBytes(r.v), times: fromBytes(r.t) });
        }
      }
      if (gappy.length > 0) {
        for (const r of st.stepsValues.all(JSON.stringify(gappy)) as Array<{ id: number; s: Buffer; v: Buffer; t: Buffer }>) {
          out.set(r.id, { steps: fromBytes(r.s), values: fromBytes(r.v), times: fromBytes(r.t) });
        }
      }
      return out;
    },
    async points(refs) {
      const out = new Map<string, PointData>();
      if (refs.length === 0) return out;
      const rows = st.points.all(JSON.stringify(refs.map((r) => [r.id, r.index]))) as Array<{ k: number; v: Buffer; t: Buffer }>;
      for (const r of rows) {
        const ref = refs[r.k];
        out.set(pointKey(ref), { value: fromBytes(r.v)[0], time: fromBytes(r.t)[0] });
      }
      return out;
    },
  };
}
