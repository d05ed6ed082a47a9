"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { Changes } from "@/lib/live/read-changes";
import type { ChangePart } from "@/lib/schemas/live";
import { fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/changes — incremental polling. Each answer carries the cursor for the next request,
// kept here across polls (and across changes of `watch`), so every poll asks only for what changed
// since the previous one. Polling pauses while the tab is hidden (react-query's default).

type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
export type ChangesResponse = Json<Changes>;
export type WatchedExecution = ChangesResponse["watched"][number];
export type ChangedExecution = ChangesResponse["executions"][number];
export type SeriesChange = ChangesResponse["series"][number];
export type LineageEventChange = ChangesResponse["events"][number];

export type ChangesParams = {
  watch?: readonly string[];
  pipeline?: string;
  stage?: string;
  filter?: string;
  stallSeconds?: number;
  include?: readonly ChangePart[]; // default all; only the executions feed scans
};

export function useChanges(params: ChangesParams, options: { intervalMs?: number; enabled?: boolean; onChanges?: (c: ChangesResponse) => void } = {}) {
  const cursor = useRef<string | undefined>(undefined);
  const onChanges = useRef(options.onChanges);
  useEffect(() => {
    onChanges.current = options.onChanges;
  });
  const watch = [...(params.watch ?? [])].sort().join(",");
  const query = useQuery({
    queryKey: queryKeys.changes({ ...params, watch, include: params.include?.join(",") }),
    queryFn: async ({ signal }) => {
      const url = `/api/v1/changes?${queryString({ since: cursor.current, watch, pipeline: params.pipeline, stage: params.stage, filter: params.filter, stallSeconds: params.stallSeconds, include: params.include?.join(",") })}`;
      const answer = await fetchJson<ChangesResponse>(url, { signal });
      cursor.current = answer.cursor;
      return answer;
    },
    enabled: options.enabled ?? true,
    refetchInterval: options.intervalMs ?? 2_000,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    // Every answer is news: never merge one into the previous.
    structuralSharing: false,
  });
  useEffect(() => {
    if (query.data) onChanges.current?.(query.data);
  }, [query.data]);
  return query;
}
