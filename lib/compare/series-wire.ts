// A downsampled series packed for the trip from a server page to the browser: every bucket field
// as one little-endian column, the columns one after another, base64-encoded. Values are Float64
// (NaN for "none"; non-finite last values are themselves NaN/±Infinity); the integer columns are
// Int32 when every value fits, which they do unless steps pass 2^31. One string per series instead
// of 1,000 objects makes the React Server Components payload cheap to write and to read.

export const COLUMNS = ["step", "end", "lastStep", "count", "nonFinite", "min", "max", "last", "time"] as const;
export type Column = (typeof COLUMNS)[number];
export const INTEGER_COLUMNS: ReadonlySet<Column> = new Set(["step", "end", "lastStep", "count", "nonFinite"]);

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
  int32: boolean; // the integer columns are Int32 (else Float64 like the others)
  data: string; // base64 of the columns in COLUMNS order
};

export const columnBytes = (c: Column, int32: boolean) => (int32 && INTEGER_COLUMNS.has(c) ? 4 : 8);
