import "server-only";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { readSeries, type SeriesRead } from "../metrics/read-series";
import { columnBytes, COLUMNS, INTEGER_COLUMNS, type PackedSeries } from "./series-wire";

export type SeriesRef = { execution: string; key: string; rank: number };
export const seriesRefKey = (r: SeriesRef) => `${r.execution}\u0000${r.key}\u0000${r.rank}`;

// Charts on a page that overlays many executions read their whole-range buckets here, in the
// server render, instead of one HTTP request per curve from the browser (each request pays routing
// and token checks: 50 curves took seconds that way). Past `budget` series the rest are left to
// the browser, so a page with hundreds of curves still answers quickly.
export async function preloadSeries(db: Db, refs: readonly SeriesRef[], budget = 120, buckets = 1000): Promise<Record<string, PackedSeries>> {
  const out: Record<string, PackedSeries> = {};
  for (const ref of refs.slice(0, budget)) {
    try {
      out[seriesRefKey(ref)] = packSeries(await readSeries(db, { ...ref, buckets }));
    } catch (err) {
      // A series deleted since the page listed it: the chart reports it when it asks itself.
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
  }
  return out;
}

const num = (v: number | string | null): number => (v === null ? NaN : typeof v === "number" ? v : Number(v));
const INT32 = 2 ** 31;

export function packSeries(r: SeriesRead): PackedSeries {
  const n = r.buckets.length;
  const int32 = r.buckets.every((b) => b.end < INT32 && b.count < INT32 && b.step >= -INT32);
  const out = Buffer.alloc(COLUMNS.reduce((sum, c) => sum + columnBytes(c, int32) * n, 0));
  let at = 0;
  for (const c of COLUMNS) {
    const width = columnBytes(c, int32);
    for (const b of r.buckets) {
      if (width === 4 && INTEGER_COLUMNS.has(c)) out.writeInt32LE(num(b[c]), at);
      else out.writeDoubleLE(num(b[c]), at);
      at += width;
    }
  }
  const { buckets: _, ...meta } = r;
  return { ...meta, buckets: n, int32, data: out.toString("base64") };
}
