import { COLUMNS, encodedBytes, type PackedSeries } from "@/lib/compare/series-wire";
import type { SeriesResponse } from "@/components/api/hooks/use-series";
import { bucketsOf, emptyColumns, registerColumns, type SeriesColumns } from "./series-columns";

// The browser side of lib/compare/series-wire.ts: base64 columns back into typed arrays, without
// an object per bucket.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytes(base64: string): Uint8Array {
  // Native where the browser has it (Chromium 140+); atob and a loop elsewhere.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(base64);
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function decodeColumns(p: PackedSeries): SeriesColumns {
  const n = p.buckets;
  const out = emptyColumns(n);
  const raw = bytes(p.data);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let at = 0;
  // 8-byte columns come first, then 4-byte ones, each group in COLUMNS order.
  for (const width of [0, 8, 4]) {
    COLUMNS.forEach((c, j) => {
      const e = p.columns[j];
      if (encodedBytes(e) !== width) return;
      const col = out[c];
      if (e.k === "affine") {
        for (let i = 0; i < n; i++) col[i] = e.a + i * e.d;
        if (n > 0) col[n - 1] = e.z;
      } else if (e.k === "f64") {
        if (LITTLE_ENDIAN && (raw.byteOffset + at) % 8 === 0) col.set(new Float64Array(raw.buffer, raw.byteOffset + at, n));
        else for (let i = 0; i < n; i++) col[i] = view.getFloat64(at + 8 * i, true);
      } else if (e.k === "f32") {
        for (let i = 0; i < n; i++) col[i] = view.getFloat32(at + 4 * i, true);
      } else {
        const base = e.k === "t32" ? e.base : 0;
        for (let i = 0; i < n; i++) col[i] = view.getInt32(at + 4 * i, true) + base;
      }
      at += width * n;
    });
  }
  return out;
}

// A preloaded series shaped like GET /api/v1/series answers it (the API hooks start from it). Its
// `buckets` are built on first read only: charts read the columns (series-columns.ts `columnsOf`).
export function unpackSeries(p: PackedSeries): SeriesResponse {
  const columns = decodeColumns(p);
  const { data: _, buckets: __, columns: ___, ...meta } = p;
  let buckets: SeriesResponse["buckets"] | undefined;
  const response = Object.defineProperty({ ...meta }, "buckets", {
    enumerable: true,
    get: () => (buckets ??= bucketsOf(columns)),
  }) as SeriesResponse;
  registerColumns(response, columns);
  return response;
}
