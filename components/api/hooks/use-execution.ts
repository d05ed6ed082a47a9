"use client";

import { useQuery } from "@tanstack/react-query";
import type { getExecution } from "@/lib/query/get-execution";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/executions/{uuid} — params, properties, inputs, outputs, metrics, series keys.
// Times arrive as ISO strings.

type Detail = Awaited<ReturnType<typeof getExecution>>;
export type ExecutionDetail = Omit<Detail, "startedAt" | "endedAt" | "createdAt"> & { startedAt: string; endedAt: string | null; createdAt: string };

export function useExecution(uuid: string | null) {
  return useQuery({
    queryKey: queryKeys.execution(uuid ?? ""),
    queryFn: ({ signal }) => fetchJson<ExecutionDetail>(`/api/v1/executions/${encodeURIComponent(uuid ?? "")}`, { signal }),
    enabled: uuid !== null,
  });
}
