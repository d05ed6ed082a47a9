"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreatedToken, TokenRow } from "@/components/settings/types";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// POST /api/v1/tokens — the answer holds the secret; the caller shows it once and forgets it.
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenRow["scope"] }) => fetchJson<CreatedToken>("/api/v1/tokens", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}
