"use client";

import { formatDuration } from "@/components/ui/format";

export type LiveState =
  | { kind: "live" } // polling, something is running
  | { kind: "idle" } // polling slowly, nothing running
  | { kind: "stalled"; idleSeconds: number; count?: number }
  | { kind: "offline"; message: string };

// A small pill saying whether the page is following the data, and flagging a stall.
export function LiveIndicator({ state }: { state: LiveState }) {
  if (state.kind === "stalled") {
    const what = state.count && state.count > 1 ? `${state.count} stalled` : "stalled";
    return (
      <span
        data-live="stalled"
        title={`RUNNING, but no new data for ${formatDuration(state.idleSeconds * 1000)}`}
        className="inline-flex items-center gap-1.5 rounded-full bg-amber-50 px-2 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-amber-600/30 ring-inset"
      >
        <span aria-hidden className="size-1.5 rounded-full bg-amber-500" />
        {what} · no data for {formatDuration(state.idleSeconds * 1000)}
      </span>
    );
  }
  if (state.kind === "offline") {
    return (
      <span data-live="offline" title={state.message} className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-[11px] text-slate-600">
        <span aria-hidden className="size-1.5 rounded-full bg-slate-400" />
        reconnecting…
      </span>
    );
  }
  const live = state.kind === "live";
  return (
    <span
      data-live={state.kind}
      title={live ? "following new data as it arrives (polled every 2 s)" : "nothing running; checking for changes every 30 s"}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-[11px] font-medium ${live ? "bg-sky-50 text-sky-700 ring-1 ring-sky-600/20 ring-inset" : "text-slate-500"}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${live ? "animate-pulse bg-sky-500" : "bg-slate-300"}`} />
      {live ? "live" : "up to date"}
    </span>
  );
}
