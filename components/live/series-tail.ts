import type { SeriesResponse } from "@/components/api/hooks/use-series";
import { mergeBuckets } from "@/components/charts/chart-data";

// Live charts grow by their tail: only the steps after the last one shown are fetched
// (GET /api/v1/series?from=last+1) and appended to the series already on screen. Framework-free.

// Appended buckets accumulate up to this many before adjacent ones are merged (min of mins, max of
// maxes, last of last), so a chart that runs for days stays bounded in memory.
export const MAX_LIVE_BUCKETS = 4000;

export function lastStepOf(s: Pick<SeriesResponse, "buckets">): number | null {
  return s.buckets.length ? s.buckets[s.buckets.length - 1].lastStep : null;
}

// Steps are integers (the ingest schema says so), so the tail starts at the next one.
export const tailFrom = (s: Pick<SeriesResponse, "buckets">) => {
  const last = lastStepOf(s);
  return last === null ? undefined : last + 1;
};

// `tail` answered a request from tailFrom(current). Points logged out of order (a step at or
// before the last one shown) are not in it; they appear when the chart is loaded again.
export function appendTail(current: SeriesResponse, tail: SeriesResponse, max = MAX_LIVE_BUCKETS): SeriesResponse {
  const last = lastStepOf(current);
  if (last === null) return tail;
  const fresh = tail.buckets.filter((b) => b.lastStep > last);
  if (fresh.length === 0) return current;
  const joined = [...current.buckets, ...fresh];
  const buckets = joined.length > max ? mergeBuckets(joined, max / 2) : joined;
  const merged = buckets !== joined;
  return {
    ...current,
    to: Math.max(current.to ?? last, tail.to ?? last),
    count: current.count + fresh.reduce((n, b) => n + b.count, 0),
    fullResolution: current.fullResolution && tail.fullResolution && !merged,
    // A display hint: once merged, buckets no longer share one width.
    bucketWidth: Math.max(current.bucketWidth, tail.bucketWidth),
    buckets,
  };
}
