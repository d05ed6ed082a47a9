import "server-only";
import type pg from "pg";
import { fromBytes } from "./chunk-codec";
import type { ChunkReader } from "./chunk-reader";
import { gapless, pointKey, type ChunkMeta, type Decoded, type PointData } from "./downsample";

// Chunk reads straight through the `pg` pool the Prisma adapter runs on: `pg` hands bytea back as
// one Buffer, where Prisma's adapter turns every byte into a JS number. Chunks are never updated
// once written, so a read outside any transaction always sees whole chunks.

const SUMMARIES = `SELECT "id", "firstStep", "lastStep", "count", "minValue", "maxValue", "lastValue", "nonFinite"
  FROM "SeriesChunk" WHERE "seriesId" = $1 AND "lastStep" >= $2 AND "firstStep" <= $3 ORDER BY "id"`;
const VALUES = `SELECT "id", "values" AS "v", "times" AS "t" FROM "SeriesChunk" WHERE "id" = ANY($1::int[])`;
const STEPS_VALUES = `SELECT "id", "steps" AS "s", "values" AS "v", "times" AS "t" FROM "SeriesChunk" WHERE "id" = ANY($1::int[])`;
// Single points: 8 bytes of each blob at the point's offset.
const POINTS = `SELECT r."k", substring(c."values" FROM r."off" * 8 + 1 FOR 8) AS "v", substring(c."times" FROM r."off" * 8 + 1 FOR 8) AS "t"
  FROM unnest($1::int[], $2::int[], $3::int[]) AS r("k", "id", "off") JOIN "SeriesChunk" c ON c."id" = r."id"`;

export function postgresChunkReader(pool: pg.Pool): ChunkReader {
  return {
    source: "postgresql",
    async summaries(seriesId, from, to) {
      const { rows } = await pool.query<ChunkMeta>(SUMMARIES, [seriesId, from, to]);
      return rows;
    },
    async decode(chunks) {
      const out = new Map<number, Decoded>();
      const plain = chunks.filter(gapless).map((c) => c.id);
      const gappy = chunks.filter((c) => !gapless(c)).map((c) => c.id);
      if (plain.length > 0) {
        const { rows } = await pool.query<{ id: number; v: Buffer; t: Buffer }>(VALUES, [plain]);
        for (const r of rows) out.set(r.id, { values: fromBytes(r.v), times: fromBytes(r.t) });
      }
      if (gappy.length > 0) {
        const { rows } = await pool.query<{ id: number; s: Buffer; v: Buffer; t: Buffer }>(STEPS_VALUES, [gappy]);
        for (const r of rows) out.set(r.id, { steps: fromBytes(r.s), values: fromBytes(r.v), times: fromBytes(r.t) });
      }
      return out;
    },
    async points(refs) {
      const out = new Map<string, PointData>();
      if (refs.length === 0) return out;
      const { rows } = await pool.query<{ k: number; v: Buffer; t: Buffer }>(POINTS, [
        refs.map((_, k) => k),
        refs.map((r) => r.id),
        refs.map((r) => r.index),
      ]);
      for (const r of rows) out.set(pointKey(refs[r.k]), { value: fromBytes(r.v)[0], time: fromBytes(r.t)[0] });
      return out;
    },
  };
}
