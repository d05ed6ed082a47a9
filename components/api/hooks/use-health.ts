"use client";

import { useQuery } from "@tanstack/react-query";
import type { DemoState } from "@/lib/demo/demo-state";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/health — readiness, and whether the server is still running the built-in demo
// workflow. Polled every `intervalMs` while `enabled`.

export type Health = { ok: boolean; demo: Pick<DemoState, "state" | "step"> };

export function useHealth(options: { initialData?: Health; enabled?: boolean; intervalMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchJson<Health>("/api/health", { signal }),
    initialData: options.initialData,
    enabled: options.enabled ?? true,
    refetchInterval: options.intervalMs ?? 2000,
  });
}
