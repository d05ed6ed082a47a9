"use client";

import { useEffect, useState } from "react";
import { mark } from "./perf";

// The value of a promise a Server Component handed over unresolved (React streams it after the
// page), or null until it arrives. Read in an effect rather than with `use()`: nothing suspends,
// so hydration never waits for it and no Suspense boundary holds the page back. `name` marks the
// arrival for the bench (perf.ts).
export function useStreamed<T>(promise: Promise<T>, name: string): T | null {
  const [state, setState] = useState<{ promise: Promise<T>; value: T } | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.resolve(promise).then((value) => {
      if (!live) return;
      mark(`${name}:arrived`);
      setState({ promise, value });
    });
    return () => {
      live = false;
    };
  }, [promise]);
  // A new promise (another comparison) starts over at null.
  return state && state.promise === promise ? state.value : null;
}
