"use client";

import Link from "next/link";
import { useCallback } from "react";
import { ApiClientError } from "@/components/api/fetch-json";
import { useArtifactPages, type ArtifactPage, type ArtifactRow, type ArtifactScope } from "@/components/api/hooks/use-artifact-pages";
import { artifactHref, modelHref, shortHash } from "@/components/executions/links";
import { formatBytes } from "@/components/lineage/links";
import { formatAbsolute, formatCount } from "@/components/ui/format";
import { ARTIFACT_TYPES } from "@/lib/schemas/ingest";
import { formatSort, nextSort, parseSort } from "./columns";
import { readArtifactScope } from "./explorer-url";
import { useAddress } from "./use-address";
import { VirtualTable, type TableColumn } from "./virtual-table";
import { usePagedRows, useTypedFilter } from "./use-paged-rows";
import { ErrorLine } from "@/components/ui/error-line";

const artifactKey = (a: ArtifactRow) => String(a.id);
const artifactsOf = (p: ArtifactPage) => p.artifacts;
const totalOf = (p: ArtifactPage) => p.total;
const artifactAttributes = (a: ArtifactRow) => ({ "data-artifact": String(a.id) });

const missing = <span className="text-slate-300">–</span>;

const COLUMNS: Array<TableColumn<ArtifactRow>> = [
  {
    id: "name", header: "Name", width: 220, sortField: "name",
    cell: (a) => (
      <Link href={artifactHref(a.id)} title={a.name} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
        {a.name}
      </Link>
    ),
  },
  { id: "type", header: "Type", width: 90, sortField: "type", cell: (a) => <span className="rounded bg-slate-100 px-1.5 py-px text-[10px] uppercase tracking-wide text-slate-600">{a.type}</span> },
  { id: "hash", header: "Hash", width: 170, sortField: null, cell: (a) => <span title={a.hash} className="font-mono text-[11px] text-slate-600">{shortHash(a.hash)}</span> },
  { id: "uri", header: "URI", width: 280, sortField: "uri", cell: (a) => (a.uri ? <span title={a.uri} className="font-mono text-[11px] text-slate-600">{a.uri}</span> : missing) },
  { id: "size", header: "Size", width: 85, align: "right", sortField: "size", cell: (a) => (a.size === null ? missing : formatBytes(a.size)) },
  { id: "createdAt", header: "Recorded (UTC)", width: 150, sortField: "createdAt", cell: (a) => <span className="tabular-nums text-slate-600">{formatAbsolute(new Date(a.createdAt)).slice(0, 19)}</span> },
  { id: "producers", header: "Produced by", width: 90, align: "right", sortField: null, cell: (a) => a.producers || missing },
  { id: "consumers", header: "Used by", width: 70, align: "right", sortField: null, cell: (a) => a.consumers || missing },
  {
    id: "models", header: "Model versions", width: 220, sortField: null,
    cell: (a) =>
      a.modelVersions.length
        ? a.modelVersions.map((v) => (
            <Link key={`${v.model}@${v.version}`} href={`${modelHref(v.model)}?sel=${v.version}`} className="mr-1.5 text-violet-700 hover:underline">
              {v.model} v{v.version}
            </Link>
          ))
        : missing,
  },
];

// GET /artifacts — every dataset, model and other artifact: filter by type and by text (name, uri
// or hash prefix), sort by any column, scroll through all of them (virtualised, paged by cursor).
export function ArtifactsExplorer({ initialScope, initialPage }: { initialScope: ArtifactScope; initialPage: ArtifactPage }) {
  const [address, patchAddress] = useAddress();
  const scope = readArtifactScope(address);
  const same = scope.type === initialScope.type && scope.q === initialScope.q && scope.sort === initialScope.sort;
  const pages = useArtifactPages(scope, same ? initialPage : undefined);
  const { total, rowCount, rows, onWindow } = usePagedRows(pages, artifactsOf, totalOf);
  const [text, setText] = useTypedFilter(scope.q, useCallback((q: string | null) => patchAddress({ q }), [patchAddress]));
  const sort = parseSort(scope.sort);
  const error = pages.error instanceof ApiClientError ? pages.error.message : null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold text-slate-900">Artifacts</h1>
        <span className="text-xs text-slate-500" data-testid="artifacts-total">
          {formatCount(total)} artifact{total === 1 ? "" : "s"}
          {pages.isFetching ? <span className="text-sky-600"> · loading…</span> : null}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Type" value={scope.type ?? ""} onChange={(e) => patchAddress({ type: e.target.value || null })} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-xs shadow-xs">
          <option value="">All types</option>
          {ARTIFACT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Filter artifacts"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="name or uri contains…, or a hash prefix (3fa9c0…)"
          className="h-8 w-[28rem] max-w-full rounded-md border border-slate-300 bg-white px-2.5 font-mono text-xs shadow-xs outline-none focus:ring-2 focus:ring-sky-200"
        />
      </div>
      <ErrorLine message={error} />
      <VirtualTable<ArtifactRow>
        label="Artifacts"
        columns={COLUMNS}
        rowCount={rowCount}
        row={(i) => rows[i]}
        rowKey={artifactKey}
        sort={sort}
        onSort={(field) => patchAddress({ sort: formatSort(nextSort(sort, field)) })}
        onWindow={onWindow}
        rowAttributes={artifactAttributes}
        empty={pages.isPending ? "loading…" : "No artifact matches."}
      />
    </div>
  );
}
