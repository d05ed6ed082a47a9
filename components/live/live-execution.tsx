"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useChanges } from "@/components/api/hooks/use-changes";
import { LiveIndicator, type LiveState } from "./live-indicator";
import { useSeriesAppend } from "./use-series-append";

type Props = {
  uuid: string;
  status: string;
  series: ReadonlyArray<{ key: string; rank: number }>;
  stallSeconds: number; // PROVSCOPE_STALL_SECONDS, or the page's ?stall=
};

// Keeps an execution page current while the execution runs, without reloading it: new points are
// appended to the charts on screen (only the tail of each series is fetched), and a change of
// status, a new series or a new input/output re-renders the server component in place
// (router.refresh keeps client state such as the charts' data and zoom).
export function LiveExecution({ uuid, status, series, stallSeconds }: Props) {
  const router = useRouter();
  const append = useSeriesAppend();
  const known = useMemo(() => new Set(series.map((s) => `${s.key}#${s.rank}`)), [series]);
  const running = status === "RUNNING";
  const changes = useChanges(
    { watch: [uuid], stallSeconds, include: ["series", "events"] },
    {
      intervalMs: running ? 2_000 : 30_000,
      onChanges: (c) => {
        const me = c.watched.find((w) => w.uuid === uuid);
        let refresh = !!me && me.status !== status;
        for (const s of c.series) {
          if (s.execution !== uuid) continue;
          if (known.has(`${s.key}#${s.rank}`)) void append({ execution: uuid, key: s.key, rank: s.rank, maxStep: s.maxStep });
          else refresh = true;
        }
        if (c.events.some((e) => e.execution.uuid === uuid)) refresh = true;
        if (refresh) router.refresh();
      },
    },
  );
  const me = changes.data?.watched.find((w) => w.uuid === uuid);
  const state: LiveState = changes.error
    ? { kind: "offline", message: changes.error.message }
    : me?.stalled
      ? { kind: "stalled", idleSeconds: me.idleSeconds }
      : { kind: running ? "live" : "idle" };
  return <LiveIndicator state={state} />;
}
