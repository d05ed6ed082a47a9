"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiClientError } from "../fetch-json";
import { queryKeys } from "../query-keys";

// GET /api/v1/blobs/{digest} with Range: the first `bytes` of an artifact's stored file, for a
// preview. Never the whole of a large file.

export type BlobHead = { bytes: Uint8Array; total: number; truncated: boolean };

export function useBlobHead(url: string | null, bytes: number) {
  return useQuery({
    queryKey: queryKeys.blobHead(url ?? "", bytes),
    queryFn: async ({ signal }): Promise<BlobHead> => {
      const res = await fetch(url!, { headers: { range: `bytes=0-${bytes - 1}` }, signal, credentials: "same-origin" });
      if (!res.ok) {
        const e = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;
        throw new ApiClientError(res.status, e?.code ?? "http_error", e?.message ?? `HTTP ${res.status}`);
      }
      const got = new Uint8Array(await res.arrayBuffer()).subarray(0, bytes); // a server ignoring Range sends it all
      const total = Number(res.headers.get("x-provscope-blob-size") ?? got.length);
      return { bytes: got, total, truncated: got.length < total };
    },
    enabled: url !== null && bytes > 0,
    staleTime: Infinity,
    retry: false,
  });
}
