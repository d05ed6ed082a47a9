import { columnBytes, COLUMNS, type Column, type PackedSeries } from "@/lib/compare/series-wire";
import type { SeriesResponse } from "@/components/api/hooks/use-series";
import type { WireBucket } from "./chart-data";

// The browser side of lib/compare/series-wire.ts: base64 Float64 columns back into buckets shaped
// like GET /api/v1/series returns them (non-finite last values as "NaN"/"Infinity"/"-Infinity").

function bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const nullable = (v: number) => (Number.isNaN(v) ? null : v);
const lastValue = (v: number): WireBucket["last"] => (Number.isFinite(v) ? v : Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

export function unpackSeries(p: PackedSeries): SeriesResponse {
  const n = p.buckets;
  const raw = bytes(p.data);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const cols = {} as Record<Column, Float64Array>;
  let at = 0;
  for (const c of COLUMNS) {
    const width = columnBytes(c, p.int32);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++, at += width) col[i] = width === 4 ? view.getInt32(at, true) : view.getFloat64(at, true);
    cols[c] = col;
  }
  const { step, end, min, max, last, lastStep, time, count, nonFinite } = cols;
  const buckets: WireBucket[] = new Array(n);
  for (let i = 0; i < n; i++) {
    buckets[i] = {
      step: step[i], end: end[i], min: nullable(min[i]), max: nullable(max[i]), last: lastValue(last[i]),
      lastStep: lastStep[i], time: nullable(time[i]), count: count[i], nonFinite: nonFinite[i],
    };
  }
  const { data: _, buckets: __, int32: ___, ...meta } = p;
  return { ...meta, buckets };
}
