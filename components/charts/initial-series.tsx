"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { PackedSeries } from "@/lib/compare/series-wire";
import type { SeriesResponse } from "@/components/api/hooks/use-series";
import { timed } from "./perf";
import { unpackSeries } from "./series-wire-decode";

// Whole-range series the server page already read (lib/compare/preload-series.ts), keyed by
// `${execution}\0${key}\0${rank}`; charts start from them instead of asking the API. Each is
// unpacked the first time a chart asks for it.
type Lookup = (key: string) => SeriesResponse | undefined;
const InitialSeries = createContext<Lookup>(() => undefined);

export function InitialSeriesProvider({ series, children }: { series: Readonly<Record<string, PackedSeries>>; children: ReactNode }) {
  const lookup = useMemo(() => {
    const cache = new Map<string, SeriesResponse>();
    return (key: string) => {
      // Never on the server: charts are drawn in the browser only (see use-mounted.ts).
      if (typeof window === "undefined" || !Object.hasOwn(series, key)) return undefined;
      let s = cache.get(key);
      if (!s) cache.set(key, (s = timed("unpack", () => unpackSeries(series[key]))));
      return s;
    };
  }, [series]);
  return <InitialSeries.Provider value={lookup}>{children}</InitialSeries.Provider>;
}

export const useInitialSeries = () => useContext(InitialSeries);
