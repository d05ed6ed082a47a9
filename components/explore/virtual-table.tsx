"use client";

import { memo, useEffect, useRef, useState, type ReactNode } from "react";
import type { Sort } from "./columns";
import { visibleRows, type RowWindow } from "./virtual-window";

// A table that stays smooth at any length: fixed row height, and only the rows in view (plus
// overscan) are in the DOM. Rows not loaded yet render as placeholders; `onWindow` tells the owner
// which rows are wanted so it can fetch the next page. Reusable by any list (executions,
// artifacts, models): columns bring their own cell renderers.

export type TableColumn<R> = {
  id: string;
  header: ReactNode;
  title?: string; // hover text of the header
  width: number;
  align?: "left" | "right";
  sortField?: string | null; // the API's sort field; null when the column cannot be sorted
  cell: (row: R) => ReactNode;
};

type Props<R> = {
  label: string;
  columns: ReadonlyArray<TableColumn<R>>;
  rowCount: number;
  row: (index: number) => R | undefined;
  rowKey: (row: R) => string;
  rowHeight?: number;
  height?: string; // CSS height of the scrolling area
  sort?: Sort | null;
  onSort?: (field: string) => void;
  onWindow?: (window: RowWindow) => void;
  selection?: { isSelected: (row: R) => boolean; toggle: (row: R) => void; label: (row: R) => string };
  rowAttributes?: (row: R) => Record<`data-${string}`, string>;
  empty?: ReactNode;
};

const HEADER = 32;
const CHECKBOX = 34;
// What the server renders and the client hydrates before it has measured the viewport.
const ASSUMED_VIEWPORT = 720;
const NOTIFY_BLOCK = 50;

export function VirtualTable<R>(p: Props<R>) {
  const rowHeight = p.rowHeight ?? 30;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: ASSUMED_VIEWPORT });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight })));
    };
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener("scroll", measure);
      resize.disconnect();
    };
  }, []);

  const win = visibleRows(view.top, view.height - HEADER, rowHeight, p.rowCount);
  // The owner hears of the window in blocks of rows, so scrolling re-renders the table, not the page.
  const block = { start: Math.floor(win.start / NOTIFY_BLOCK) * NOTIFY_BLOCK, end: Math.min(p.rowCount, Math.ceil(win.end / NOTIFY_BLOCK) * NOTIFY_BLOCK) };
  const { onWindow } = p;
  useEffect(() => onWindow?.({ start: block.start, end: block.end }), [onWindow, block.start, block.end]);

  const width = p.columns.reduce((w, c) => w + c.width, p.selection ? CHECKBOX : 0);
  const indexes = Array.from({ length: win.end - win.start }, (_, i) => win.start + i);

  return (
    <div
      ref={scroller}
      role="table"
      aria-label={p.label}
      aria-rowcount={p.rowCount + 1}
      className="relative overflow-auto rounded-md border border-slate-200 bg-white text-xs shadow-xs"
      // As tall as the rows need, at most the rest of the viewport.
      style={{ height: `min(${p.height ?? "calc(100vh - 15rem)"}, ${HEADER + Math.max(p.rowCount, 4) * rowHeight + 2}px)`, minHeight: 160 }}
    >
      <div role="rowgroup" className="sticky top-0 z-10" style={{ minWidth: width }}>
        <div role="row" aria-rowindex={1} className="flex border-b border-slate-200 bg-slate-50 text-[11px] text-slate-600" style={{ height: HEADER }}>
          {p.selection ? <div role="columnheader" aria-label="selection" style={{ width: CHECKBOX }} className="shrink-0" /> : null}
          {p.columns.map((c) => (
            <HeaderCell key={c.id} column={c} sort={p.sort ?? null} onSort={p.onSort} />
          ))}
          <div className="flex-1" />
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: p.rowCount * rowHeight, minWidth: width }}>
        {indexes.map((i) => {
          const r = p.row(i);
          return (
            <TableRow<R>
              key={r === undefined ? `pending-${i}` : p.rowKey(r)}
              index={i}
              row={r}
              rowHeight={rowHeight}
              columns={p.columns}
              selected={r !== undefined && !!p.selection?.isSelected(r)}
              selection={p.selection}
              rowAttributes={p.rowAttributes}
            />
          );
        })}
      </div>
      {p.rowCount === 0 && p.empty ? <div className="absolute inset-x-0 top-16 px-4 text-center text-xs text-slate-500">{p.empty}</div> : null}
    </div>
  );
}

type RowProps<R> = {
  index: number;
  row: R | undefined;
  rowHeight: number;
  columns: Props<R>["columns"];
  selected: boolean;
  selection: Props<R>["selection"];
  rowAttributes: Props<R>["rowAttributes"];
};

// Memoised: while scrolling, rows that stay in view are not rendered again (the owner passes
// stable columns and callbacks), only those that enter it.
const TableRow = memo(function TableRow<R>({ index, row: r, rowHeight, columns, selected, selection, rowAttributes }: RowProps<R>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      {...(r === undefined ? {} : rowAttributes?.(r))}
      className={`absolute inset-x-0 flex items-center border-b border-slate-100 ${selected ? "bg-sky-50" : "hover:bg-slate-50"}`}
      style={{ height: rowHeight, transform: `translateY(${index * rowHeight}px)` }}
    >
      {selection ? (
        <div role="cell" style={{ width: CHECKBOX }} className="flex shrink-0 justify-center">
          {r !== undefined ? (
            <input type="checkbox" checked={selected} onChange={() => selection.toggle(r)} aria-label={`select ${selection.label(r)}`} className="accent-sky-700" />
          ) : null}
        </div>
      ) : null}
      {columns.map((c) => (
        <div role="cell" key={c.id} data-column={c.id} style={{ width: c.width }} className={`shrink-0 truncate px-2 ${c.align === "right" ? "text-right tabular-nums" : ""}`}>
          {r === undefined ? <span aria-hidden className="inline-block h-2.5 w-3/4 animate-pulse rounded bg-slate-100" /> : c.cell(r)}
        </div>
      ))}
    </div>
  );
}) as <R>(props: RowProps<R>) => ReactNode;

function HeaderCell<R>({ column: c, sort, onSort }: { column: TableColumn<R>; sort: Sort | null; onSort?: (field: string) => void }) {
  const sorted = sort && c.sortField && sort.field === c.sortField ? (sort.desc ? "descending" : "ascending") : "none";
  const align = c.align === "right" ? "justify-end text-right" : "";
  return (
    <div role="columnheader" aria-sort={sorted} title={c.title} style={{ width: c.width }} className={`flex shrink-0 items-center px-2 font-medium ${align}`}>
      {c.sortField && onSort ? (
        <button type="button" onClick={() => onSort(c.sortField!)} className={`flex min-w-0 items-center gap-1 hover:text-slate-900 ${align} ${sorted !== "none" ? "text-slate-900" : ""}`}>
          <span className="truncate">{c.header}</span>
          <span aria-hidden className="text-[9px]">
            {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : ""}
          </span>
        </button>
      ) : (
        <span className="truncate">{c.header}</span>
      )}
    </div>
  );
}
