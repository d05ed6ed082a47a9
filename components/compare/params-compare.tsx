"use client";

import { useMemo } from "react";
import { paramRows } from "@/lib/compare/param-diff";
import { ColumnHeads } from "./column-header";
import type { Column } from "./types";

// Params side by side; "only differences" hides the rows where every execution agrees. A cell
// that differs from the baseline is tinted.
export function ParamsCompare({ columns, only, onOnly }: { columns: Column[]; only: boolean; onOnly: (only: boolean) => void }) {
  const rows = useMemo(() => paramRows(columns.map((c) => c.execution.params)), [columns]);
  const shown = only ? rows.filter((r) => r.differs) : rows;
  const base = columns.findIndex((c) => c.baseline);
  const differing = rows.filter((r) => r.differs).length;
  return (
    <section aria-label="Params" className="rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-3 py-1.5">
        <h2 className="text-sm font-semibold text-slate-800">Params</h2>
        <div className="flex items-center gap-3 text-xs text-slate-500">
          <span>
            {differing} of {rows.length} differ
          </span>
          <label className="flex items-center gap-1.5 text-slate-700">
            <input type="checkbox" checked={only} onChange={(e) => onOnly(e.target.checked)} className="accent-slate-800" />
            only differences
          </label>
        </div>
      </header>
      <div className="overflow-x-auto">
        <table aria-label="Params side by side" className="w-full text-xs">
          <ColumnHeads columns={columns} first="param" />
          <tbody>
            {shown.map((r) => (
              <tr key={r.key} data-param={r.key} className="border-t border-slate-100">
                <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-mono font-normal text-slate-600">
                  {r.key}
                </th>
                {r.values.map((v, i) => (
                  <td
                    key={columns[i].execution.uuid}
                    className={`break-all px-3 py-1 font-mono ${v === undefined ? "text-slate-300" : "text-slate-800"} ${i !== base && base >= 0 && v !== r.values[base] ? "bg-amber-50" : ""}`}
                  >
                    {v ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 1} className="px-3 py-2 text-slate-400">
                  {rows.length === 0 ? "no params logged" : "every param is the same in all executions"}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
