"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useChanges } from "@/components/api/hooks/use-changes";
import type { ExecutionPages, ExecutionRow, ExecutionScope } from "@/components/api/hooks/use-execution-pages";
import { queryKeys } from "@/components/api/query-keys";
import type { LiveState } from "@/components/live/live-indicator";
import { patchPages, rowsToWatch, type RowPatch } from "./patch-rows";
import type { RowWindow } from "./virtual-window";

// Keeps the loaded rows of the executions table current: running rows near the viewport are
// watched (status, end, final metrics, stall), changes are patched into the cached pages in place,
// and executions that appeared in the table's scope since it loaded are counted for a
// "N new executions — show" banner instead of shifting the rows under the reader.
export function useLiveRows(scope: ExecutionScope, rows: readonly ExecutionRow[], rowWindow: RowWindow, stallSeconds: number, loadedAt: string, enabled = true) {
  const client = useQueryClient();
  const key = queryKeys.executionPages(scope);
  const [since, setSince] = useState(loadedAt);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [stalls, setStalls] = useState<ReadonlyMap<string, number>>(new Map());
  const [now, setNow] = useState(() => new Date(loadedAt).getTime());
  const watch = useDebounced(useMemo(() => rowsToWatch(rows, rowWindow).join(","), [rows, rowWindow]), 400);
  const watched = useMemo(() => (watch ? watch.split(",") : []), [watch]);

  const changes = useChanges(
    { watch: watched, pipeline: scope.pipeline, stage: scope.stage, filter: scope.filter, stallSeconds, include: ["executions"] },
    {
      enabled,
      intervalMs: watched.length ? 2_000 : 4_000,
      onChanges: (c) => {
        setNow(new Date(c.now).getTime());
        const patches = new Map<string, RowPatch>();
        for (const e of c.executions) patches.set(e.uuid, e);
        for (const w of c.watched) patches.set(w.uuid, w); // current state wins over the feed
        client.setQueryData<ExecutionPages>(key, (old) => (old ? patchPages(old, patches) : old));
        setStalls(new Map(c.watched.filter((w) => w.stalled).map((w) => [w.uuid, w.idleSeconds])));
        const loaded = new Set(rows.map((r) => r.uuid));
        const arrived = c.executions.filter((e) => e.createdAt > since && !loaded.has(e.uuid)).map((e) => e.uuid);
        if (arrived.length) setFresh((prev) => new Set([...prev, ...arrived]));
      },
    },
  );

  // Back to the first page, fetched again; the banner starts counting from now.
  const showNew = useCallback(() => {
    client.setQueryData<ExecutionPages>(key, (old) => (old ? { pages: old.pages.slice(0, 1), pageParams: old.pageParams.slice(0, 1) } : old));
    void client.invalidateQueries({ queryKey: key, exact: true });
    setFresh(new Set());
    setSince(new Date(now).toISOString());
  }, [client, key, now]);

  const running = rows.some((r) => r.status === "RUNNING");
  const worst = Math.max(0, ...stalls.values());
  const state: LiveState = changes.error
    ? { kind: "offline", message: changes.error.message }
    : stalls.size
      ? { kind: "stalled", idleSeconds: worst, count: stalls.size }
      : { kind: running ? "live" : "idle" };
  return { stalls, fresh: fresh.size, showNew, now, state };
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
