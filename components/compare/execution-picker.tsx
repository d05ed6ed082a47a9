"use client";

import { useEffect, useState } from "react";
import { useExecutions } from "@/components/api/hooks/use-executions";
import { StatusBadge } from "@/components/ui/status-badge";

// Quotes and backslashes are escaped so any typed text is one string in the filter language.
export function nameFilter(text: string): string {
  const q = text.trim().replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return `name ~ "*${q}*" OR uuid ~ "*${q}*"`;
}

// Search executions by name or uuid and add them to the comparison.
export function ExecutionPicker({ selected, onAdd, full }: { selected: readonly string[]; onAdd: (uuid: string) => void; full: boolean }) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const results = useExecutions({ filter: nameFilter(query), sort: "-startedAt", limit: 15 }, { enabled: query.length > 0 });
  const chosen = new Set(selected);

  return (
    <div className="relative w-full max-w-xl">
      <input
        type="search"
        aria-label="Search executions to compare"
        placeholder={full ? "at most 50 executions: remove one to add another" : "add an execution: search by name or uuid…"}
        disabled={full}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-xs shadow-xs placeholder:text-slate-400 focus:border-sky-500 focus:outline-none disabled:bg-slate-100"
      />
      {query && text ? (
        <div className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded border border-slate-200 bg-white text-xs shadow-lg">
          {results.isPending ? <p className="px-3 py-2 text-slate-400">searching…</p> : null}
          {results.error ? <p className="px-3 py-2 text-red-700">{results.error.message}</p> : null}
          {results.data && results.data.executions.length === 0 ? <p className="px-3 py-2 text-slate-500">no execution matches “{query}”</p> : null}
          <ul aria-label="Matching executions">
            {results.data?.executions.map((e) => (
              <li key={e.uuid}>
                <button
                  type="button"
                  disabled={chosen.has(e.uuid)}
                  onClick={() => {
                    onAdd(e.uuid);
                    setText("");
                  }}
                  className="flex w-full items-center gap-2 px-3 py-1.5 text-left hover:bg-sky-50 disabled:cursor-default disabled:opacity-50"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium text-slate-800">{e.name}</span>
                    <span className="block truncate font-mono text-[10px] text-slate-400">
                      {e.pipeline} / {e.stage} · {e.uuid}
                    </span>
                  </span>
                  <StatusBadge status={e.status} />
                  <span className="w-12 text-right text-sky-700">{chosen.has(e.uuid) ? "added" : "add"}</span>
                </button>
              </li>
            ))}
          </ul>
          {results.data && results.data.total > results.data.executions.length ? (
            <p className="border-t border-slate-100 px-3 py-1 text-slate-400">{results.data.total - results.data.executions.length} more: refine the search</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
