import type { SeriesResponse } from "@/components/api/hooks/use-series";
import type { WireBucket } from "./chart-data";

// A series' buckets as columns, one Float64Array per bucket field: what the chart model reads.
// 50 curves × 1,000 buckets as objects meant 100,000+ small allocations for the garbage collector
// to copy around; columns are 9 arrays per curve. NaN stands for "none" (min/max of a bucket
// without finite values, a missing time); `last` is the last value itself, NaN/±Infinity included.

export type SeriesColumns = {
  n: number;
  step: Float64Array;
  end: Float64Array;
  lastStep: Float64Array;
  count: Float64Array;
  nonFinite: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
  time: Float64Array;
};

export function emptyColumns(n: number): SeriesColumns {
  const f = () => new Float64Array(n);
  return { n, step: f(), end: f(), lastStep: f(), count: f(), nonFinite: f(), min: f(), max: f(), last: f(), time: f() };
}

const orNaN = (v: number | null) => (v === null ? NaN : v);

export function columnsFromBuckets(buckets: readonly WireBucket[]): SeriesColumns {
  const c = emptyColumns(buckets.length);
  buckets.forEach((b, i) => {
    c.step[i] = b.step;
    c.end[i] = b.end;
    c.lastStep[i] = b.lastStep;
    c.count[i] = b.count;
    c.nonFinite[i] = b.nonFinite;
    c.min[i] = orNaN(b.min);
    c.max[i] = orNaN(b.max);
    c.last[i] = typeof b.last === "number" ? b.last : Number(b.last);
    c.time[i] = orNaN(b.time);
  });
  return c;
}

const nullable = (v: number) => (Number.isNaN(v) ? null : v);
const lastValue = (v: number): WireBucket["last"] => (Number.isFinite(v) ? v : Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

// Bucket i as GET /api/v1/series sends it (non-finite last values as "NaN"/"Infinity"/"-Infinity").
function bucketAt(c: SeriesColumns, i: number): WireBucket {
  return {
    step: c.step[i], end: c.end[i], min: nullable(c.min[i]), max: nullable(c.max[i]), last: lastValue(c.last[i]),
    lastStep: c.lastStep[i], time: nullable(c.time[i]), count: c.count[i], nonFinite: c.nonFinite[i],
  };
}

export const bucketsOf = (c: SeriesColumns): WireBucket[] => Array.from({ length: c.n }, (_, i) => bucketAt(c, i));

// Merges runs of adjacent buckets until at most `max` remain, like mergeBuckets (chart-data.ts):
// mins of mins, maxes of maxes, the last of the last, so a one-point spike still shows.
export function mergeColumns(c: SeriesColumns, max: number): SeriesColumns {
  if (c.n <= max) return c;
  const per = Math.ceil(c.n / max);
  const out = emptyColumns(Math.ceil(c.n / per));
  for (let g = 0, i = 0; i < c.n; g++, i += per) {
    const j = Math.min(i + per, c.n) - 1;
    let lo = NaN;
    let hi = NaN;
    let count = 0;
    let nonFinite = 0;
    for (let k = i; k <= j; k++) {
      // NaN (no finite value in the bucket) never replaces a number.
      if (c.min[k] < lo || Number.isNaN(lo)) lo = c.min[k];
      if (c.max[k] > hi || Number.isNaN(hi)) hi = c.max[k];
      count += c.count[k];
      nonFinite += c.nonFinite[k];
    }
    out.step[g] = c.step[i];
    out.end[g] = c.end[j];
    out.lastStep[g] = c.lastStep[j];
    out.last[g] = c.last[j];
    out.time[g] = c.time[j];
    out.min[g] = lo;
    out.max[g] = hi;
    out.count[g] = count;
    out.nonFinite[g] = nonFinite;
  }
  return out;
}

// The columns of a series as the API hooks hold it, converted once per response object. Responses
// unpacked from a page's preloaded data register their columns here, so those are never rebuilt.
const byResponse = new WeakMap<object, SeriesColumns>();

export function registerColumns(response: object, columns: SeriesColumns) {
  byResponse.set(response, columns);
}

export function columnsOf(response: Pick<SeriesResponse, "buckets">): SeriesColumns {
  let c = byResponse.get(response);
  if (!c) byResponse.set(response, (c = columnsFromBuckets(response.buckets)));
  return c;
}
