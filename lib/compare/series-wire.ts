// A downsampled series packed for the trip from a server page to the browser. One string of
// columns per series instead of 1,000 objects keeps the React Server Components payload small and
// cheap to write and read (50 curves went from 9 MB of JSON to ~2 MB). Each bucket field is one
// column, encoded the cheapest exact way:
// - "affine": a + i·d for every bucket but the last, which is `z` (bucket starts, ends, counts and
//   non-finite counts of a gapless series are all like that: no bytes at all);
// - "i32": little-endian Int32 values (integers that fit);
// - "t32": `base` + Int32 offsets (wall times in ms within ±24 days of the first);
// - "f32": little-endian Float32 values, when every value is one exactly (losses logged from
//   float32 tensors are: half the bytes, nothing lost);
// - "f64": little-endian Float64 values (NaN for "none"; non-finite last values are NaN/±Infinity).
// The binary columns follow each other in `data`, base64-encoded: the 8-byte ones first, then the
// 4-byte ones, each group in COLUMNS order, so every Float64 column starts 8-byte aligned and the
// browser copies it out in one go.

export const COLUMNS = ["step", "end", "lastStep", "count", "nonFinite", "min", "max", "last", "time"] as const;
export type Column = (typeof COLUMNS)[number];

export type ColumnEncoding =
  | { k: "affine"; a: number; d: number; z: number }
  | { k: "i32" }
  | { k: "t32"; base: number }
  | { k: "f32" }
  | { k: "f64" };

export type PackedSeries = {
  execution: string;
  key: string;
  rank: number;
  from: number | null;
  to: number | null;
  count: number;
  fullResolution: boolean;
  bucketWidth: number;
  buckets: number; // how many buckets the columns hold
  columns: ColumnEncoding[]; // in COLUMNS order
  data: string; // base64 of the binary columns (8-byte ones first, see above)
};

export const encodedBytes = (e: ColumnEncoding) => (e.k === "affine" ? 0 : e.k === "f64" ? 8 : 4);
