"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { Range, XMode } from "./chart-data";
import { formatRange, readView, ZOOM_PREFIX, zoomParam } from "./chart-view";

// View state lives in the URL. What changes nothing the server renders is written with
// history.replaceState instead of a router round trip, and read back through a small store that
// updates synchronously: a controlled checkbox bound to the address then flips at once (Next.js
// syncs useSearchParams only in a later transition).
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
};

// The current query string; on the server and while hydrating, the one the page was rendered for.
export function useUrlParams(): URLSearchParams {
  const rendered = useSearchParams(); // also re-renders on router navigations
  const text = useSyncExternalStore(subscribe, () => window.location.search.replace(/^\?/, ""), () => rendered.toString());
  return useMemo(() => new URLSearchParams(text), [text]);
}

export function patchUrl(patch: Record<string, string | null>, drop: (key: string) => boolean = () => false) {
  const next = new URLSearchParams(window.location.search);
  for (const key of [...next.keys()]) if (drop(key)) next.delete(key);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === "") next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  // A null state: Next.js then syncs useSearchParams with the new address (its own state would
  // mark this as one of its navigations and leave the hooks as they were).
  window.history.replaceState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}`);
  for (const l of listeners) l();
}

export function useChartView() {
  const params = useUrlParams();
  const view = useMemo(() => readView(params), [params]);
  const hiddenText = params.get("hide") ?? "";

  // A new x axis has new units: every zoom window is dropped.
  const setX = useCallback((x: XMode) => patchUrl({ x: x === "step" ? null : x }, (k) => k.startsWith(ZOOM_PREFIX)), []);
  const setLog = useCallback((log: boolean) => patchUrl({ log: log ? "1" : null }), []);
  const setSmooth = useCallback((s: number) => patchUrl({ smooth: s > 0 ? String(s) : null }), []);
  const setZoom = useCallback((chartId: string, range: Range | null) => patchUrl({ [zoomParam(chartId)]: range ? formatRange(range) : null }), []);
  const toggleHidden = useCallback(
    (id: string) => {
      const hidden = new Set(hiddenText.split(",").filter(Boolean));
      if (hidden.has(id)) hidden.delete(id);
      else hidden.add(id);
      patchUrl({ hide: [...hidden].join(",") || null });
    },
    [hiddenText],
  );
  return { view, setX, setLog, setSmooth, setZoom, toggleHidden };
}
