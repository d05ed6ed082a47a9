"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { Section } from "./detail-fields";
import type { LineageGraph } from "./graph-model";
import { compareHref } from "./links";
import type { ViewNode } from "./project-graph";

const PAGE = 15;
const MAX_COMPARE = 10;

// A cluster's members: searchable and paged; pull one out (it joins the graph on its own) or pull
// the whole cluster apart. A cluster of runs (a sweep) can go straight to the comparison view.
export function ClusterDetails({ cluster, graph, onPullOut }: {
  cluster: ViewNode;
  graph: LineageGraph;
  onPullOut(ids: string[], select?: string): void;
}) {
  const [text, setText] = useState("");
  const [page, setPage] = useState(0);
  const members = useMemo(
    () =>
      (cluster.members ?? [])
        .map((id) => graph.nodes[id])
        .filter((n) => n !== undefined)
        .sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true })),
    [cluster, graph],
  );
  const shown = members.filter((m) => !text || m.label.toLowerCase().includes(text.toLowerCase()) || m.id.includes(text));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const p = Math.min(page, pages - 1);
  const runs = members.flatMap((m) => (m.kind === "execution" ? [m.uuid] : []));

  return (
    <div className="py-1">
      <div className="flex flex-wrap gap-1.5 px-3 py-1.5">
        <button type="button" onClick={() => onPullOut([cluster.id])} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100">
          Pull apart all {members.length}
        </button>
        {runs.length > 1 ? (
          <Link href={compareHref(runs.slice(0, MAX_COMPARE))} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-sky-700 hover:bg-sky-50">
            Compare {Math.min(runs.length, MAX_COMPARE)} runs
          </Link>
        ) : null}
      </div>
      <Section title={`Members (${shown.length} of ${members.length})`}>
        <div className="px-3 pb-1">
          <input
            type="search"
            aria-label="Search the cluster"
            placeholder="Search members…"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(0);
            }}
            className="w-full rounded border border-slate-300 px-2 py-0.5 text-xs"
          />
        </div>
        <ul aria-label="Cluster members" className="px-3 text-xs">
          {shown.slice(p * PAGE, (p + 1) * PAGE).map((m) => (
            <li key={m.id} className="flex items-center gap-1.5 border-t border-slate-100 py-1 first:border-t-0">
              {m.kind === "execution" ? <StatusBadge status={m.status} /> : null}
              <span className="min-w-0 flex-1 truncate text-slate-800" title={m.label}>
                {m.label}
              </span>
              <button type="button" onClick={() => onPullOut([m.id], m.id)} className="shrink-0 text-sky-700 hover:underline">
                pull out
              </button>
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <div className="flex items-center justify-end gap-2 px-3 pt-1 text-xs text-slate-600">
            <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)} className="disabled:opacity-30">
              ‹ Prev
            </button>
            <span className="tabular-nums">
              {p + 1} / {pages}
            </span>
            <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)} className="disabled:opacity-30">
              Next ›
            </button>
          </div>
        ) : null}
      </Section>
    </div>
  );
}
