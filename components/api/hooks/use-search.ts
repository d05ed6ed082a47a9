"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { search } from "@/lib/query/search";
import { fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/search — the header's type-ahead, grouped by kind. Times arrive as ISO strings.

// Dates become ISO strings on the wire.
type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
export type SearchResults = Json<Awaited<ReturnType<typeof search>>>;

export function useSearch(q: string, limit = 6) {
  const text = q.trim();
  return useQuery({
    queryKey: queryKeys.search(text, limit),
    queryFn: ({ signal }) => fetchJson<SearchResults>(`/api/v1/search?${queryString({ q: text, limit })}`, { signal }),
    enabled: text.length > 0,
    // The previous results stay while the next keystroke's answer loads, so the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
