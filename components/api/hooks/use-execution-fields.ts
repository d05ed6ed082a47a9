"use client";

import { useQuery } from "@tanstack/react-query";
import type { ExecutionFields } from "@/lib/query/execution-fields";
import { fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/executions/fields — the params.* and metrics.* keys present, for column pickers
// and filter autocomplete. Keys change rarely, so a minute-old answer is fine.

export type { ExecutionFields };

export function useExecutionFields(pipeline: string | undefined, initialData?: ExecutionFields) {
  return useQuery({
    queryKey: queryKeys.executionFields(pipeline),
    queryFn: ({ signal }) => fetchJson<ExecutionFields>(`/api/v1/executions/fields?${queryString({ pipeline })}`, { signal }),
    initialData,
    staleTime: 60_000,
  });
}
