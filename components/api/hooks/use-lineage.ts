"use client";

import { useQueries } from "@tanstack/react-query";
import type { Lineage } from "@/lib/schemas/lineage";
import type { LineageRequest } from "@/components/lineage/view-state";
import { fetchJson, queryString } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/lineage — one query per request of a lineage view (the focus up and down, each lazy
// expansion). Answers the server already rendered come in as initial data, so a page load makes no
// request at all; an answer never changes while it is on screen, so none is refetched.

export const lineageUrl = (r: Pick<LineageRequest, "node" | "direction" | "depth" | "asOf" | "maxNodes">) =>
  `/api/v1/lineage?${queryString({ node: r.node, direction: r.direction, depth: r.depth, asOf: r.asOf, maxNodes: r.maxNodes })}`;

export function useLineageAnswers(requests: LineageRequest[], initial: Record<string, Lineage>) {
  return useQueries({
    queries: requests.map((r) => ({
      queryKey: queryKeys.lineage({ key: r.key }),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<Lineage>(lineageUrl(r), { signal }),
      initialData: initial[r.key],
      staleTime: Infinity,
      retry: false,
    })),
  });
}
