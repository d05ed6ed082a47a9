"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TokenRow } from "@/components/settings/types";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// DELETE /api/v1/tokens/{id} — revoke: the token stops authenticating at once.
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<TokenRow>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}
