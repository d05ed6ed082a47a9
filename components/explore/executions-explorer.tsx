"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiClientError } from "@/components/api/fetch-json";
import { useExecutionFields, type ExecutionFields } from "@/components/api/hooks/use-execution-fields";
import { useExecutionPages, type ExecutionPage, type ExecutionRow, type ExecutionScope } from "@/components/api/hooks/use-execution-pages";
import { LiveIndicator } from "@/components/live/live-indicator";
import { NewItemsBanner } from "@/components/live/new-items-banner";
import { formatCount } from "@/components/ui/format";
import { ColumnPicker } from "./column-picker";
import { defaultColumns, formatSort, nextSort, parseSort } from "./columns";
import { executionColumns } from "./execution-columns";
import { readView } from "./explorer-url";
import { FilterBox, type FilterError } from "./filter-box";
import { SelectionBar } from "./selection-bar";
import { useAddress } from "./use-address";
import { useLiveRows } from "./use-live-rows";
import { VirtualTable } from "./virtual-table";
import { needsMore, type RowWindow } from "./virtual-window";
import { ErrorLine } from "@/components/ui/error-line";

export type PipelineOption = { name: string; stages: string[]; executions: number };

type Props = {
  initialScope: ExecutionScope;
  initialPage: ExecutionPage | null;
  initialError: FilterError | null;
  fields: ExecutionFields;
  pipelines: PipelineOption[];
  loadedAt: string;
  stallSeconds: number;
};

const rowKey = (r: ExecutionRow) => r.uuid;
const rowAttributes = (r: ExecutionRow) => ({ "data-uuid": r.uuid, "data-status": r.status });

const sameScope = (a: ExecutionScope, b: ExecutionScope) =>
  (a.pipeline ?? "") === (b.pipeline ?? "") && (a.stage ?? "") === (b.stage ?? "") && (a.filter ?? "") === (b.filter ?? "") && a.sort === b.sort;

// GET /executions — every execution, across pipelines or within one: the filter language with
// autocomplete, columns for any param or metric, sort by any column, a virtualised table paged by
// cursor, rows that update while their executions run, and selection → compare, charts, lineage.
export function ExecutionsExplorer(p: Props) {
  const [address, patchAddress] = useAddress();
  const view = readView(address);
  const scope: ExecutionScope = { pipeline: view.pipeline, stage: view.stage, filter: view.filter || undefined, sort: view.sort };
  const initial = sameScope(scope, p.initialScope);
  const pages = useExecutionPages(scope, initial && p.initialPage ? p.initialPage : undefined);
  const fields = useExecutionFields(view.pipeline, view.pipeline === p.initialScope.pipeline ? p.fields : undefined).data ?? p.fields;

  const rows = useMemo(() => pages.data?.pages.flatMap((pg) => pg.executions) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total ?? 0;
  const rowCount = pages.hasNextPage ? Math.max(total, rows.length) : rows.length;

  const [rowWindow, setRowWindow] = useState<RowWindow>({ start: 0, end: 0 });
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && needsMore(rowWindow, rows.length)) void fetchNextPage();
  }, [rowWindow, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const err = pages.error instanceof ApiClientError ? pages.error : null;
  const filterError: FilterError | null = err?.code === "invalid_filter" ? { message: err.message, position: err.position } : initial && !pages.data ? p.initialError : null;
  const otherError = err && err.code !== "invalid_filter" ? err.message : null;

  // A scope the server refuses would only be refused again by the changes feed.
  const live = useLiveRows(scope, rows, rowWindow, view.stall ?? p.stallSeconds, p.loadedAt, !err && !filterError);
  const known = useMemo(() => ({ metrics: fields.metrics.map((m) => m.key), params: fields.params.map((f) => f.key) }), [fields]);
  const columnIds = view.cols ?? defaultColumns(rows.slice(0, 200), scope, known);
  const columnKey = columnIds.join(",");
  const columns = useMemo(() => executionColumns(columnKey ? columnKey.split(",") : [], { now: live.now, stalls: live.stalls }), [columnKey, live.now, live.stalls]);

  // Stable while the selection is, so the table's memoised rows skip re-rendering.
  const selKey = view.sel.join(",");
  const selection = useMemo(() => {
    const chosen = selKey ? selKey.split(",") : [];
    const set = new Set(chosen);
    return {
      isSelected: (r: ExecutionRow) => set.has(r.uuid),
      toggle: (r: ExecutionRow) => patchAddress({ sel: (set.has(r.uuid) ? chosen.filter((u) => u !== r.uuid) : [...chosen, r.uuid]).join(",") || null }),
      label: (r: ExecutionRow) => r.name,
    };
  }, [selKey, patchAddress]);
  const stages = view.pipeline ? (p.pipelines.find((x) => x.name === view.pipeline)?.stages ?? []) : [...new Set(p.pipelines.flatMap((x) => x.stages))].sort();
  const stageKey = stages.join("\n");
  const suggestContext = useMemo(() => ({ fields, pipelines: p.pipelines.map((x) => x.name), stages: stageKey ? stageKey.split("\n") : [] }), [fields, p.pipelines, stageKey]);
  const sort = parseSort(view.sort);
  const onWindow = useCallback((w: RowWindow) => setRowWindow((prev) => (prev.start === w.start && prev.end === w.end ? prev : w)), []);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold text-slate-900">
          Executions{view.pipeline ? <span className="font-normal text-slate-500"> · {view.pipeline}</span> : null}
          {view.stage ? <span className="font-normal text-slate-500"> / {view.stage}</span> : null}
        </h1>
        <div className="flex items-center gap-3 text-xs text-slate-500">
          <span data-testid="executions-total">
            {filterError || otherError ? "–" : pages.isPending && !pages.data ? "loading…" : `${formatCount(total)} execution${total === 1 ? "" : "s"}`}
            {pages.isFetching && pages.data ? <span className="text-sky-600"> · loading…</span> : null}
          </span>
          <LiveIndicator state={live.state} />
        </div>
      </div>

      <div className="flex flex-wrap items-start gap-2">
        <select
          aria-label="Pipeline"
          value={view.pipeline ?? ""}
          onChange={(e) => patchAddress({ pipeline: e.target.value || null, stage: null, sel: null })}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-xs shadow-xs"
        >
          <option value="">All pipelines</option>
          {p.pipelines.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name} ({formatCount(x.executions)})
            </option>
          ))}
        </select>
        <select aria-label="Stage" value={view.stage ?? ""} onChange={(e) => patchAddress({ stage: e.target.value || null })} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-xs shadow-xs">
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <FilterBox value={view.filter} onApply={(filter) => patchAddress({ filter: filter || null })} error={filterError} context={suggestContext} />
        <ColumnPicker columns={columnIds} fields={fields} customised={view.cols !== null} onChange={(cols) => patchAddress({ cols: cols ? cols.join(",") : null })} />
      </div>

      <NewItemsBanner count={live.fresh} noun="execution" onShow={live.showNew} />
      <SelectionBar selected={view.sel} onClear={() => patchAddress({ sel: null })} />
      <ErrorLine message={otherError} />

      <VirtualTable<ExecutionRow>
        label="Executions"
        columns={columns}
        rowCount={filterError ? 0 : rowCount}
        row={(i) => rows[i]}
        rowKey={rowKey}
        sort={sort}
        onSort={(field) => patchAddress({ sort: formatSort(nextSort(sort, field)) })}
        onWindow={onWindow}
        selection={selection}
        rowAttributes={rowAttributes}
        empty={filterError ? "Fix the filter to see executions." : pages.isPending ? "loading…" : "No execution matches. Loosen the filter or pick another pipeline."}
      />
    </div>
  );
}
