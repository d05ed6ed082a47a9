"use client";

import { useQuery } from "@tanstack/react-query";
import type { listExecutions } from "@/lib/query/list-executions";
import { fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/executions — filtered, sorted pages of executions.

export type ExecutionsPage = Awaited<ReturnType<typeof listExecutions>>;
export type ExecutionsParams = { filter?: string; sort?: string; limit?: number; cursor?: string; pipeline?: string; stage?: string };

export function useExecutions(params: ExecutionsParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.executions(params),
    queryFn: ({ signal }) => fetchJson<ExecutionsPage>(`/api/v1/executions?${queryString(params)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}
