import "server-only";
import type { Db } from "../db/client";
import type { SeriesRead } from "../metrics/read-series";
import { readWholeSeries, seriesRefKey, type SeriesRef } from "./read-series-batch";
import { COLUMNS, encodedBytes, type ColumnEncoding, type PackedSeries } from "./series-wire";

export { seriesRefKey, type SeriesRef };

// Charts on a page that overlays many executions read their whole-range buckets here, in the
// server render, instead of one HTTP request per curve from the browser (each request pays routing
// and token checks: 50 curves took seconds that way). Past `budget` series the rest are left to
// the browser, so a page with hundreds of curves still answers quickly; series that are gone are
// left out too (the chart asks for them itself and reports the 404).
export async function preloadSeries(db: Db, refs: readonly SeriesRef[], budget = 120, buckets = 1000): Promise<Record<string, PackedSeries>> {
  const read = await readWholeSeries(db, refs.slice(0, budget), buckets);
  const out: Record<string, PackedSeries> = {};
  for (const [key, series] of read) out[key] = packSeries(series);
  return out;
}

const num = (v: number | string | null): number => (v === null ? NaN : typeof v === "number" ? v : Number(v));
const isInt32 = (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31;

// The cheapest exact encoding of one column (see series-wire.ts).
function encodingOf(values: Float64Array, column: string): ColumnEncoding {
  const n = values.length;
  if (n === 0) return { k: "affine", a: 0, d: 0, z: 0 };
  const a = values[0];
  const d = n > 1 ? values[1] - a : 0;
  let affine = Number.isFinite(a) && Number.isFinite(d) && Number.isFinite(values[n - 1]);
  for (let i = 1; affine && i < n - 1; i++) affine = values[i] === a + i * d;
  if (affine) return { k: "affine", a, d, z: values[n - 1] };
  if (values.every(isInt32)) return { k: "i32" };
  if (column === "time" && values.every((v) => Number.isInteger(v) && isInt32(v - a))) return { k: "t32", base: a };
  if (values.every((v) => Math.fround(v) === v || Number.isNaN(v))) return { k: "f32" };
  return { k: "f64" };
}

export function packSeries(r: SeriesRead): PackedSeries {
  const n = r.buckets.length;
  const values = COLUMNS.map(() => new Float64Array(n));
  const [step, end, lastStep, count, nonFinite, min, max, last, time] = values;
  for (let i = 0; i < n; i++) {
    const b = r.buckets[i];
    step[i] = b.step;
    end[i] = b.end;
    lastStep[i] = b.lastStep;
    count[i] = b.count;
    nonFinite[i] = b.nonFinite;
    min[i] = num(b.min);
    max[i] = num(b.max);
    last[i] = num(b.last);
    time[i] = b.time;
  }
  const columns = COLUMNS.map((c, j) => encodingOf(values[j], c));
  const data = new ArrayBuffer(columns.reduce((sum, e) => sum + encodedBytes(e) * n, 0));
  const view = new DataView(data);
  // 8-byte columns first, so each starts 8-byte aligned (the browser copies it out in one go).
  let at = 0;
  for (const width of [8, 4]) {
    columns.forEach((e, j) => {
      if (encodedBytes(e) !== width) return;
      const col = values[j];
      const base = e.k === "t32" ? e.base : 0;
      for (let i = 0; i < n; i++, at += width) {
        if (e.k === "f64") view.setFloat64(at, col[i], true);
        else if (e.k === "f32") view.setFloat32(at, col[i], true);
        else view.setInt32(at, col[i] - base, true);
      }
    });
  }
  const { buckets: _, ...meta } = r;
  return { ...meta, buckets: n, columns, data: Buffer.from(data).toString("base64") };
}
