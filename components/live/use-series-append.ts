"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { seriesUrl, type SeriesResponse } from "@/components/api/hooks/use-series";
import { fetchJson } from "@/components/api/fetch-json";
import { appendTail, lastStepOf, tailFrom } from "./series-tail";

export type SeriesGrowth = { execution: string; key: string; rank: number; maxStep: number | null };

type SeriesParams = { execution?: unknown; key?: unknown; rank?: unknown; from?: unknown; to?: unknown; buckets?: unknown };

// Grows every chart that shows a series, in place: for each cached whole-series answer
// (queryKeys.series without from/to — what useSeriesMany fetches for an unzoomed chart) whose last
// step is behind `maxStep`, fetches only the tail and appends it to the cache. Zoomed windows are
// left as they are: someone looking at a fixed window does not want it to move.
export function useSeriesAppend() {
  const client = useQueryClient();
  const inflight = useRef(new Set<string>());
  return useCallback(
    async (growth: SeriesGrowth) => {
      const cached = client.getQueriesData<SeriesResponse>({
        queryKey: ["series"],
        predicate: (q) => {
          const p = q.queryKey[1] as SeriesParams | undefined;
          return !!p && p.execution === growth.execution && p.key === growth.key && p.rank === growth.rank && p.from === undefined && p.to === undefined;
        },
      });
      await Promise.all(
        cached.map(async ([queryKey, data]) => {
          if (!data) return;
          const last = lastStepOf(data);
          if (growth.maxStep !== null && last !== null && growth.maxStep <= last) return;
          const id = JSON.stringify(queryKey);
          if (inflight.current.has(id)) return;
          inflight.current.add(id);
          try {
            const buckets = (queryKey[1] as SeriesParams).buckets;
            const tail = await fetchJson<SeriesResponse>(
              seriesUrl({ execution: growth.execution, key: growth.key, rank: growth.rank, from: tailFrom(data), buckets: typeof buckets === "number" ? buckets : undefined }),
            );
            client.setQueryData<SeriesResponse>(queryKey as QueryKey, (old) => (old ? appendTail(old, tail) : tail));
          } catch {
            // The next change report tries again.
          } finally {
            inflight.current.delete(id);
          }
        }),
      );
    },
    [client],
  );
}
