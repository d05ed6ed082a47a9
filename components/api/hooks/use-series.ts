"use client";

import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import type { SeriesRead } from "@/lib/metrics/read-series";
import type { WireBucket } from "@/components/charts/chart-data";
import { useInitialSeries } from "@/components/charts/initial-series";
import { ApiClientError, fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/series — one downsampled series per request; a chart asks for all its curves at once.

export type SeriesRequest = { execution: string; key: string; rank: number; from?: number; to?: number; buckets?: number };
export type SeriesResponse = Omit<SeriesRead, "buckets"> & { buckets: WireBucket[] };

export const seriesUrl = (r: SeriesRequest) =>
  `/api/v1/series?${queryString({ execution: r.execution, key: r.key, rank: r.rank, from: r.from, to: r.to, buckets: r.buckets ?? 1000 })}`;

export function seriesQueryOptions(r: SeriesRequest, initialData?: SeriesResponse) {
  return {
    queryKey: queryKeys.series({ ...r, buckets: r.buckets ?? 1000 }),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<SeriesResponse>(seriesUrl(r), { signal }),
    initialData,
  };
}

export type SeriesResults = {
  data: Array<SeriesResponse | undefined>;
  errors: Array<ApiClientError | null>;
  pending: boolean; // some curve has no data yet
  fetching: boolean;
};

// Module-level, so react-query re-runs it only when a result changed.
function combine(results: Array<UseQueryResult<SeriesResponse>>): SeriesResults {
  return {
    data: results.map((r) => r.data),
    errors: results.map((r) => (r.error instanceof ApiClientError ? r.error : r.error ? new ApiClientError(0, "network", String(r.error)) : null)),
    pending: results.some((r) => r.isPending),
    fetching: results.some((r) => r.isFetching),
  };
}

// One query per curve, in the order given; a whole-range request the server page preloaded starts
// from that data (see initial-series.tsx).
export function useSeriesMany(requests: readonly SeriesRequest[]): SeriesResults {
  const initial = useInitialSeries();
  return useQueries({
    queries: requests.map((r) => {
      const preloaded = r.from === undefined && r.to === undefined && (r.buckets ?? 1000) === 1000 ? initial(`${r.execution}\u0000${r.key}\u0000${r.rank}`) : undefined;
      return seriesQueryOptions(r, preloaded);
    }),
    combine,
  });
}
