"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import type { ModelRow } from "@/lib/registry/list-models";
import { ApiClientError, fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/models, page after page along `nextCursor` — the models table.

export type { ModelRow };
export type ModelPage = { total: number; nextCursor: string | null; models: ModelRow[] };
export type ModelPages = InfiniteData<ModelPage, string>;
export type ModelScope = { q?: string; sort: string };

export function useModelPages(scope: ModelScope, initialPage?: ModelPage) {
  return useInfiniteQuery({
    queryKey: queryKeys.modelPages(scope),
    queryFn: ({ pageParam, signal }) => fetchJson<ModelPage>(`/api/v1/models?${queryString({ ...scope, cursor: pageParam })}`, { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: initialPage ? { pages: [initialPage], pageParams: [""] } : undefined,
    placeholderData: keepPreviousData,
    retry: (count, err) => !(err instanceof ApiClientError && err.status < 500) && count < 2,
  });
}
