"use client";

import { useQuery } from "@tanstack/react-query";
import type { getArtifact } from "@/lib/query/get-artifact";
import { fetchJson } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/artifacts/{id} — type, name, hash, uri, size, properties, producers, consumers and
// the model versions the artifact is. Times arrive as ISO strings.

type Detail = Awaited<ReturnType<typeof getArtifact>>;
type Run = Omit<Detail["producers"][number], "startedAt"> & { startedAt: string };
export type ArtifactDetail = Omit<Detail, "createdAt" | "producers" | "consumers"> & { createdAt: string; producers: Run[]; consumers: Run[] };

export function useArtifact(id: number | null) {
  return useQuery({
    queryKey: queryKeys.artifact(id ?? -1),
    queryFn: ({ signal }) => fetchJson<ArtifactDetail>(`/api/v1/artifacts/${id}`, { signal }),
    enabled: id !== null,
  });
}
