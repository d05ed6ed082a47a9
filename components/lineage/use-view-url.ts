"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { LineageView } from "@/lib/schemas/lineage-view";
import { parseView, searchRecord, viewHref, type ParsedView } from "./view-state";

// The view state is the address. Changes go through the History API, which Next's router picks
// up (useSearchParams follows) without a server round trip: the client already has the data, and
// only new lineage requests go to the API. A new focus is a new history entry; everything else
// replaces the current one.
export function useViewUrl(): [ParsedView, (next: LineageView, how?: "push" | "replace") => void] {
  const params = useSearchParams();
  const qs = params.toString();
  const parsed = useMemo(() => parseView(searchRecord(new URLSearchParams(qs))), [qs]);
  const setView = useCallback((next: LineageView, how: "push" | "replace" = "replace") => {
    const url = viewHref(next);
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return [parsed, setView];
}
