"use client";

import { useMemo, useState } from "react";
import { STATUS_TEXT } from "@/components/ui/status-badge";
import { download, fileStem } from "./export-graph";
import type { LineageGraph } from "./graph-model";
import { matchesText, tableRows, toCsv, type TableRow } from "./table-rows";

function StatusDot({ status }: { status: string }) {
  const color = STATUS_TEXT[status as keyof typeof STATUS_TEXT] ?? "text-slate-600";
  return <span className={`text-[11px] ${color}`}>{status.toLowerCase()}</span>;
}

const PAGE = 100;
type SortKey = "name" | "type" | "status" | "hiddenUp" | "hiddenDown";
const COLUMNS: Array<[SortKey, string, string]> = [
  ["name", "Name", ""],
  ["type", "Type / stage", ""],
  ["status", "Status", ""],
  ["hiddenUp", "◂ +", "hidden upstream"],
  ["hiddenDown", "+ ▸", "hidden downstream"],
];

// The same subgraph as a table: filter, sort, page, choose a row to select its node, export CSV.
export function LineageTable({ graph, memberOf, selected, onSelect, focus, asOf }: {
  graph: LineageGraph;
  memberOf: ReadonlyMap<string, string>;
  selected?: string;
  onSelect(id: string, cluster: string | undefined): void;
  focus: string;
  asOf?: string;
}) {
  const [text, setText] = useState("");
  // Unsorted, rows come in graph order: the focus first, then outwards.
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean } | null>(null);
  const [page, setPage] = useState(0);
  const all = useMemo(() => tableRows(graph), [graph]);
  const rows = useMemo(() => {
    const r = all.filter((row) => matchesText(row, text));
    if (!sort) return r;
    const dir = sort.desc ? -1 : 1;
    const v = (row: TableRow) => row[sort.key];
    return r.sort((a, b) => {
      const x = v(a);
      const y = v(b);
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }, [all, text, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const p = Math.min(page, pages - 1);

  return (
    <section aria-label="Lineage table" className="flex w-[32%] min-w-[330px] flex-col overflow-hidden rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex items-center gap-2 border-b border-slate-100 px-2 py-1.5">
        <input
          type="search"
          aria-label="Filter the table"
          placeholder="Filter rows…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(0);
          }}
          className="w-40 rounded border border-slate-300 px-2 py-0.5 text-xs"
        />
        <span className="text-xs tabular-nums text-slate-500">
          {rows.length} of {all.length}
        </span>
        <button type="button" onClick={() => download(`${fileStem(focus, asOf)}.csv`, toCsv(rows), "text/csv")} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100">
          CSV
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full text-xs">
          <thead className="sticky top-0 bg-slate-50 text-left text-[10px] uppercase tracking-wider text-slate-500">
            <tr>
              {COLUMNS.map(([k, label, title]) => (
                <th key={k} className="whitespace-nowrap px-2 py-1.5 font-medium" aria-sort={sort?.key === k ? (sort.desc ? "descending" : "ascending") : "none"}>
                  <button type="button" title={title || undefined} onClick={() => setSort({ key: k, desc: sort?.key === k ? !sort.desc : false })} className="uppercase hover:text-slate-800">
                    {label}
                    {sort?.key === k ? (sort.desc ? " ↓" : " ↑") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(p * PAGE, (p + 1) * PAGE).map((r) => (
              <tr key={r.id} aria-selected={r.id === selected} className={`border-t border-slate-100 ${r.id === selected ? "bg-amber-50" : "hover:bg-slate-50"}`}>
                <td className="max-w-[12rem] px-2 py-1">
                  <div className="flex items-center gap-1">
                    <button type="button" onClick={() => onSelect(r.id, memberOf.get(r.id))} className="min-w-0 truncate text-left font-medium text-slate-800 hover:text-sky-700" title={r.name}>
                      {r.name}
                    </button>
                    {memberOf.has(r.id) ? (
                      <span title="collapsed in a cluster; choosing it pulls it out" className="shrink-0 text-[10px] text-amber-700">
                        ◆
                      </span>
                    ) : null}
                  </div>
                </td>
                <td className="whitespace-nowrap px-2 py-1 text-slate-600">
                  {r.kind === "artifact" ? "" : "run · "}
                  {r.type}
                </td>
                <td className="px-2 py-1">{r.status ? <StatusDot status={r.status} /> : null}</td>
                <td className="px-2 py-1 text-right tabular-nums">{r.hiddenUp || ""}</td>
                <td className="px-2 py-1 text-right tabular-nums">{r.hiddenDown || ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <footer className="flex items-center justify-end gap-2 border-t border-slate-100 px-2 py-1 text-xs text-slate-600">
          <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)} className="disabled:opacity-30">
            ‹ Prev
          </button>
          <span className="tabular-nums">
            {p + 1} / {pages}
          </span>
          <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)} className="disabled:opacity-30">
            Next ›
          </button>
        </footer>
      ) : null}
    </section>
  );
}
