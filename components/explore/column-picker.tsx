"use client";

import { useEffect, useRef, useState } from "react";
import type { ExecutionFields } from "@/components/api/hooks/use-execution-fields";
import { BUILTIN_COLUMNS, columnLabel } from "./columns";

type Props = {
  columns: readonly string[]; // shown now, in order
  fields: ExecutionFields;
  customised: boolean;
  onChange: (columns: string[] | null) => void; // null: back to the defaults
};

// Which columns the table shows: the built-ins, then every params.* and metrics.* key present.
export function ColumnPicker({ columns, fields, customised, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState("");
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => panel.current && !panel.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const shown = new Set(columns);
  const toggle = (id: string) => onChange(shown.has(id) ? columns.filter((c) => c !== id) : [...columns, id]);
  const match = (id: string) => id.toLowerCase().includes(find.trim().toLowerCase());
  const groups: Array<[string, string[]]> = [
    ["Execution", [...BUILTIN_COLUMNS]],
    ["Metrics", fields.metrics.map((m) => `metrics.${m.key}`)],
    ["Params", fields.params.map((p) => `params.${p.key}`)],
  ];

  return (
    <div ref={panel} className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-700 shadow-xs hover:bg-slate-50"
      >
        Columns <span className="text-slate-400">({columns.length})</span>
      </button>
      {open ? (
        <div role="dialog" aria-label="Choose columns" className="absolute right-0 z-30 mt-1 w-80 rounded-md border border-slate-200 bg-white p-2 text-xs shadow-lg">
          <div className="flex items-center gap-2">
            <input
              autoFocus
              value={find}
              onChange={(e) => setFind(e.target.value)}
              placeholder="find a key…"
              aria-label="find a column"
              className="h-7 min-w-0 flex-1 rounded border border-slate-300 px-2 font-mono text-[11px] outline-none focus:ring-2 focus:ring-sky-200"
            />
            <button type="button" disabled={!customised} onClick={() => onChange(null)} className="rounded px-1.5 py-1 text-sky-700 hover:bg-sky-50 disabled:text-slate-300">
              defaults
            </button>
          </div>
          <div className="mt-2 max-h-80 overflow-auto">
            {groups.map(([title, ids]) => {
              const visible = ids.filter(match);
              if (visible.length === 0) return null;
              return (
                <fieldset key={title} className="mb-2">
                  <legend className="mb-0.5 text-[10px] font-semibold uppercase tracking-wider text-slate-500">
                    {title} <span className="font-normal normal-case text-slate-400">({ids.length})</span>
                  </legend>
                  {visible.map((id) => (
                    <label key={id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                      <input type="checkbox" checked={shown.has(id)} onChange={() => toggle(id)} className="accent-sky-700" />
                      <span className={id.includes(".") ? "font-mono text-[11px]" : ""}>{id.includes(".") ? id : columnLabel(id)}</span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
