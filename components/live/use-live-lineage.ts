"use client";

import { useCallback, useMemo, useState } from "react";
import { useChanges, type LineageEventChange } from "@/components/api/hooks/use-changes";

// For the lineage explorer: new lineage edges that touch the graph on screen, so it can say
// "3 new nodes — show" instead of redrawing under the reader. `nodeIds` are the graph's node ids
// ("artifact:7", "execution:<uuid>"). `show` is for the caller to refetch; `clear` resets the count.
export function useLiveLineage(nodeIds: ReadonlySet<string>, options: { enabled?: boolean; intervalMs?: number } = {}) {
  const [events, setEvents] = useState<LineageEventChange[]>([]);
  useChanges(
    { include: ["events"] },
    {
      enabled: options.enabled ?? true,
      intervalMs: options.intervalMs ?? 5_000,
      onChanges: (c) => {
        if (c.events.length) setEvents((prev) => [...prev, ...c.events]);
      },
    },
  );
  const newNodes = useMemo(() => {
    const found = new Set<string>();
    for (const e of events) {
      const ends = [`execution:${e.execution.uuid}`, `artifact:${e.artifact.id}`];
      const [a, b] = ends.map((id) => nodeIds.has(id));
      if (a && !b) found.add(ends[1]);
      if (b && !a) found.add(ends[0]);
    }
    return [...found];
  }, [events, nodeIds]);
  const clear = useCallback(() => setEvents([]), []);
  return { newNodes, events, clear };
}
