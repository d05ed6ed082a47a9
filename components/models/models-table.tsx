"use client";

import Link from "next/link";
import { useCallback } from "react";
import { ApiClientError } from "@/components/api/fetch-json";
import { useModelPages, type ModelPage, type ModelRow, type ModelScope } from "@/components/api/hooks/use-model-pages";
import { modelHref } from "@/components/executions/links";
import { formatSort, nextSort, parseSort } from "@/components/explore/columns";
import { readModelScope } from "@/components/explore/explorer-url";
import { useAddress } from "@/components/explore/use-address";
import { VirtualTable, type TableColumn } from "@/components/explore/virtual-table";
import { usePagedRows, useTypedFilter } from "@/components/explore/use-paged-rows";
import { formatAbsolute, formatCount } from "@/components/ui/format";
import { AliasBadge } from "./alias-badge";
import { ErrorLine } from "@/components/ui/error-line";

const modelKey = (m: ModelRow) => m.name;
const modelsOf = (p: ModelPage) => p.models;
const totalOf = (p: ModelPage) => p.total;
const modelAttributes = (m: ModelRow) => ({ "data-model": m.name });
const missing = <span className="text-slate-300">–</span>;

const COLUMNS: Array<TableColumn<ModelRow>> = [
  {
    id: "name", header: "Model", width: 260, sortField: "name",
    cell: (m) => (
      <Link href={modelHref(m.name)} title={m.name} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
        {m.name}
      </Link>
    ),
  },
  { id: "versions", header: "Versions", width: 80, align: "right", sortField: "versions", cell: (m) => <span className="tabular-nums">{m.versions}</span> },
  {
    id: "latestVersionAt", header: "Latest", width: 210, sortField: "latestVersionAt",
    cell: (m) =>
      m.latestVersion === null ? missing : (
        <span className="font-mono">
          v{m.latestVersion}
          {m.latestVersionAt ? <span className="ml-2 font-sans text-slate-400">{formatAbsolute(new Date(m.latestVersionAt))}</span> : null}
        </span>
      ),
  },
  {
    id: "aliases", header: "Aliases", width: 260, sortField: null,
    cell: (m) => (
      <span className="flex gap-1 overflow-hidden">
        {Object.entries(m.aliases).map(([a, v]) => (
          <AliasBadge key={a} alias={a} version={v} />
        ))}
      </span>
    ),
  },
  { id: "createdAt", header: "Registered", width: 170, sortField: "createdAt", cell: (m) => <span className="text-slate-500">{formatAbsolute(new Date(m.createdAt))}</span> },
];

// The registry as a table: filter by name as you type, sort by any column, scroll through all of
// it (virtualised, paged by cursor). The view lives in the address (/models?q=&sort=).
export function ModelsTable({ initialScope, initialPage }: { initialScope: ModelScope; initialPage: ModelPage }) {
  const [address, patchAddress] = useAddress();
  const scope = readModelScope(address);
  const same = scope.q === initialScope.q && scope.sort === initialScope.sort;
  const pages = useModelPages(scope, same ? initialPage : undefined);
  const { total, rowCount, rows, onWindow } = usePagedRows(pages, modelsOf, totalOf);
  const [text, setText] = useTypedFilter(scope.q, useCallback((q: string | null) => patchAddress({ q }), [patchAddress]));
  const sort = parseSort(scope.sort);
  const error = pages.error instanceof ApiClientError ? pages.error.message : null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <input
          type="search"
          aria-label="Filter models"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="model name contains…"
          className="h-8 w-80 max-w-full rounded-md border border-slate-300 bg-white px-2.5 font-mono text-xs shadow-xs outline-none focus:ring-2 focus:ring-sky-200"
        />
        <span className="text-xs text-slate-500" data-testid="models-total">
          {formatCount(total)} model{total === 1 ? "" : "s"}
          {pages.isFetching ? <span className="text-sky-600"> · loading…</span> : null}
        </span>
      </div>
      <ErrorLine message={error} />
      <VirtualTable<ModelRow>
        label="Registered models"
        columns={COLUMNS}
        rowCount={rowCount}
        row={(i) => rows[i]}
        rowKey={modelKey}
        height="min(60vh, 36rem)"
        sort={sort}
        onSort={(field) => patchAddress({ sort: formatSort(nextSort(sort, field)) })}
        onWindow={onWindow}
        rowAttributes={modelAttributes}
        empty={pages.isPending ? "loading…" : scope.q ? "No model name contains that." : "No registered models yet. A training execution registers one with a model.version op."}
      />
    </div>
  );
}
