"use client";

import { useEffect, useMemo, useState } from "react";
import type { LineageGraph } from "./graph-model";
import { searchNodes } from "./search-nodes";

// Search the loaded subgraph by name, id, type, stage, hash or uri. Matches are highlighted in the
// graph; choosing one selects it (pulling it out of its cluster if it is in one) and centres it.
export function GraphSearch({ graph, memberOf, onHits, onFound }: {
  graph: LineageGraph | null;
  memberOf: ReadonlyMap<string, string>;
  onHits(ids: ReadonlySet<string>): void;
  onFound(id: string, cluster: string | undefined): void;
}) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => (graph ? searchNodes(graph, query, memberOf, 50) : []), [graph, query, memberOf]);
  useEffect(() => {
    onHits(new Set(hits.map((h) => h.cluster ?? h.id)));
  }, [hits, onHits]);

  const choose = (i: number) => {
    const h = hits[i];
    if (!h) return;
    onFound(h.id, h.cluster);
    setOpen(false);
  };

  return (
    <div className="relative">
      <input
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="lineage-search-results"
        aria-label="Search the graph"
        placeholder="Search nodes…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter") choose(0);
          if (e.key === "Escape") setOpen(false);
        }}
        className="w-56 rounded border border-slate-300 px-2 py-1 text-xs"
      />
      {open && query.trim() ? (
        <ul id="lineage-search-results" role="listbox" aria-label="Search results" className="absolute left-0 top-full z-30 mt-1 max-h-80 w-96 overflow-auto rounded border border-slate-200 bg-white py-1 text-xs shadow-lg">
          {hits.length === 0 ? <li className="px-3 py-1.5 text-slate-400">No node in this subgraph matches.</li> : null}
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={false}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(i)} className="flex w-full items-baseline gap-2 px-3 py-1 text-left hover:bg-sky-50">
                <span className="truncate font-medium text-slate-800">{h.label}</span>
                <span className="shrink-0 text-[10px] text-slate-500">{h.kind} · {h.detail}</span>
                {h.cluster ? <span className="ml-auto shrink-0 text-[10px] text-amber-700">in a cluster</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
