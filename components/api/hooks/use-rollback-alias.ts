"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RollbackBody } from "@/lib/schemas/registry";
import { fetchJson } from "../fetch-json";
import { aliasUrl } from "./use-alias-history";
import { invalidateAlias, type AliasMoveResponse } from "./use-promote-alias";

// POST /api/v1/models/{name}/aliases/{alias}/rollback — back to the previous (or the given) version.
export function useRollbackAlias(model: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alias, body }: { alias: string; body: RollbackBody }) =>
      fetchJson<AliasMoveResponse>(`${aliasUrl(model, alias)}/rollback`, { method: "POST", body }),
    onSuccess: (_r, { alias }) => invalidateAlias(client, model, alias),
  });
}
