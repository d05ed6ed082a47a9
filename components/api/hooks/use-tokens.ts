"use client";

import { useQuery } from "@tanstack/react-query";
import type { TokenRow } from "@/components/settings/types";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/tokens — every token (admin scope), newest state after each create or revoke.
export function useTokens(initial: TokenRow[]) {
  return useQuery({
    queryKey: queryKeys.tokens(),
    queryFn: ({ signal }) => fetchJson<{ tokens: TokenRow[] }>("/api/v1/tokens", { signal }).then((r) => r.tokens),
    initialData: initial,
  });
}
