"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { patchAddress } from "./explorer-url";

type Params = { get(name: string): string | null; toString(): string };

// The address's query as view state. Next.js applies a history.replaceState to useSearchParams in
// a transition, a moment later; until it has, the patched copy is shown, so a controlled input
// (a checkbox, a sort header) never flips back under the user's click.
export function useAddress(): [Params, (patch: Record<string, string | null | undefined>) => void] {
  const params = useSearchParams();
  const [local, setLocal] = useState<URLSearchParams | null>(null);
  useEffect(() => {
    if (local && local.toString() === params.toString()) setLocal(null);
  }, [params, local]);
  useEffect(() => {
    // Back and forward move the address under us: follow it.
    const follow = () => setLocal(null);
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);
  const patch = useCallback((p: Record<string, string | null | undefined>) => setLocal(patchAddress(p)), []);
  return [local ?? params, patch];
}
