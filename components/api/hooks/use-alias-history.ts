"use client";

import { useQuery } from "@tanstack/react-query";
import type { aliasHistory } from "@/lib/registry/alias-history";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";
import { modelUrl } from "./use-model";

// GET /api/v1/models/{name}/aliases/{alias}/history — every promote and rollback, oldest first.

export type AliasHistory = Awaited<ReturnType<typeof aliasHistory>>;

export const aliasUrl = (model: string, alias: string) => `${modelUrl(model)}/aliases/${encodeURIComponent(alias)}`;

export function useAliasHistory(model: string, alias: string, initialData?: AliasHistory) {
  return useQuery({
    queryKey: queryKeys.aliasHistory(model, alias),
    queryFn: ({ signal }) => fetchJson<AliasHistory>(`${aliasUrl(model, alias)}/history`, { signal }),
    initialData,
  });
}
