"use client";

import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { needsMore, type RowWindow } from "./virtual-window";

// The rows of a cursor-paged list as one array for a VirtualTable: the next page is fetched when
// the rows in view come near the end of what is loaded; until the last page, the table is as long
// as the total the first page announced (the rows not loaded yet show as placeholders).
export function usePagedRows<P, R>(pages: UseInfiniteQueryResult<InfiniteData<P>>, rowsOf: (page: P) => R[], totalOf: (page: P) => number) {
  const rows = useMemo(() => pages.data?.pages.flatMap(rowsOf) ?? [], [pages.data, rowsOf]);
  const first = pages.data?.pages[0];
  const total = first ? totalOf(first) : 0;
  const [rowWindow, setRowWindow] = useState<RowWindow>({ start: 0, end: 0 });
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && needsMore(rowWindow, rows.length)) void fetchNextPage();
  }, [rowWindow, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const onWindow = useCallback((w: RowWindow) => setRowWindow((prev) => (prev.start === w.start && prev.end === w.end ? prev : w)), []);
  return { rows, total, rowCount: hasNextPage ? Math.max(total, rows.length) : rows.length, onWindow };
}

// A text filter applied as you type, once typing pauses: the input's own text, and the address
// patched with it (null clears it).
export function useTypedFilter(applied: string | undefined, apply: (text: string | null) => void, delayMs = 250) {
  const [text, setText] = useState(applied ?? "");
  useEffect(() => {
    const t = setTimeout(() => (text.trim() || undefined) !== applied && apply(text.trim() || null), delayMs);
    return () => clearTimeout(t);
  }, [text, applied, apply, delayMs]);
  return [text, setText] as const;
}
