"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import type { listArtifacts } from "@/lib/query/list-artifacts";
import { ApiClientError, fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/artifacts, page after page along `nextCursor` — the artifacts table. Times arrive
// as ISO strings.

type Row = Awaited<ReturnType<typeof listArtifacts>>["artifacts"][number];
export type ArtifactRow = Omit<Row, "createdAt"> & { createdAt: string };
export type ArtifactPage = { total: number; nextCursor: string | null; artifacts: ArtifactRow[] };
export type ArtifactPages = InfiniteData<ArtifactPage, string>;
export type ArtifactScope = { type?: string; q?: string; sort: string };

export function useArtifactPages(scope: ArtifactScope, initialPage?: ArtifactPage) {
  return useInfiniteQuery({
    queryKey: queryKeys.artifactPages(scope),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ArtifactPage>(`/api/v1/artifacts?${queryString({ ...scope, limit: pageParam ? 500 : 100, cursor: pageParam })}`, { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: initialPage ? { pages: [initialPage], pageParams: [""] } : undefined,
    placeholderData: keepPreviousData,
    retry: (count, err) => !(err instanceof ApiClientError && err.status < 500) && count < 2,
  });
}
