"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AliasMoveResult } from "@/lib/registry/alias-write";
import type { PromoteBody } from "@/lib/schemas/registry";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";
import { aliasUrl } from "./use-alias-history";

// POST /api/v1/models/{name}/aliases/{alias} — promote. `change` is null when the alias already
// pointed at that version (nothing recorded).

export type AliasMoveResponse = Omit<AliasMoveResult, "change"> & { change: AliasMoveResult["change"] | null };

// After any alias move the model (its badges), the models list and the alias's history are stale.
export async function invalidateAlias(client: ReturnType<typeof useQueryClient>, model: string, alias: string) {
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.model(model) }),
    client.invalidateQueries({ queryKey: queryKeys.aliasHistory(model, alias) }),
    client.invalidateQueries({ queryKey: queryKeys.models() }),
  ]);
}

export function usePromoteAlias(model: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alias, body }: { alias: string; body: PromoteBody }) =>
      fetchJson<AliasMoveResponse>(aliasUrl(model, alias), { method: "POST", body }),
    onSuccess: (_r, { alias }) => invalidateAlias(client, model, alias),
  });
}
