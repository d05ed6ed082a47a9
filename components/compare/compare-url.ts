"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";

// The executions compared, the step and the rank are read on the server, so changing them goes
// through the router (a fresh server render); every other compare setting is client-only view
// state (see use-chart-view.ts patchUrl).
export function useServerParams() {
  const router = useRouter();
  return useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === "") next.delete(k);
        else next.set(k, v);
      }
      // Commas stay readable in a shared link.
      const qs = next.toString().replace(/%2C/g, ",");
      router.replace(`${window.location.pathname}${qs ? `?${qs}` : ""}`, { scroll: false });
    },
    [router],
  );
}
