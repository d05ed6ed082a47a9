"use client";

import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import type { listExecutions } from "@/lib/query/list-executions";
import { FIRST_PAGE, NEXT_PAGE } from "@/components/explore/explorer-url";
import { ApiClientError, fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/executions, page after page along `nextCursor` — the explorer's virtualised table.
// Times arrive as ISO strings.

type Row = Awaited<ReturnType<typeof listExecutions>>["executions"][number];
export type ExecutionRow = Omit<Row, "startedAt" | "endedAt"> & { startedAt: string; endedAt: string | null };
export type ExecutionPage = { total: number; nextCursor: string | null; executions: ExecutionRow[] };
export type ExecutionPages = InfiniteData<ExecutionPage, string>;
export type ExecutionScope = { pipeline?: string; stage?: string; filter?: string; sort: string };


export const executionsUrl = (scope: ExecutionScope, cursor: string, limit: number) =>
  `/api/v1/executions?${queryString({ pipeline: scope.pipeline, stage: scope.stage, filter: scope.filter, sort: scope.sort, limit, cursor })}`;

export function useExecutionPages(scope: ExecutionScope, initialPage?: ExecutionPage) {
  return useInfiniteQuery({
    queryKey: queryKeys.executionPages(scope),
    queryFn: ({ pageParam, signal }) => fetchJson<ExecutionPage>(executionsUrl(scope, pageParam, pageParam ? NEXT_PAGE : FIRST_PAGE), { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: initialPage ? { pages: [initialPage], pageParams: [""] } : undefined,
    // While a new filter or sort loads, the previous rows stay on screen.
    placeholderData: keepPreviousData,
    // A bad filter is the user's to fix: asking again would only repeat the same 422.
    retry: (count, err) => !(err instanceof ApiClientError && err.status < 500) && count < 2,
  });
}
