"use client";

import { useQuery } from "@tanstack/react-query";
import type { getModel } from "@/lib/registry/get-model";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/models/{name} — versions (artifact, producing execution, metrics, inputs) and aliases.

export type ModelDetail = Awaited<ReturnType<typeof getModel>>;

export const modelUrl = (name: string) => `/api/v1/models/${encodeURIComponent(name)}`;

export function useModel(name: string, initialData?: ModelDetail) {
  return useQuery({
    queryKey: queryKeys.model(name),
    queryFn: ({ signal }) => fetchJson<ModelDetail>(modelUrl(name), { signal }),
    initialData,
  });
}
