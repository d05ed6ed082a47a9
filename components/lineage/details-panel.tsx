"use client";

import Link from "next/link";
import { ArtifactDetails } from "./artifact-details";
import { ClusterDetails } from "./cluster-details";
import { ExecutionDetails } from "./execution-details";
import type { LineageGraph } from "./graph-model";
import { nodePageHref } from "./links";
import type { ViewNode } from "./project-graph";

// The selected node: what it is, how to go further from it, and its full record.
export function DetailsPanel({ node, graph, onClose, onExpand, onFocus, onPullOut }: {
  node: ViewNode;
  graph: LineageGraph;
  onClose(): void;
  onExpand(id: string, direction: "up" | "down"): void;
  onFocus(id: string): void;
  onPullOut(ids: string[], select?: string): void;
}) {
  const page = nodePageHref(node.id);
  const kind = node.kind === "cluster" ? `cluster of ${node.memberKind}s` : node.kind;
  return (
    <aside aria-label="Details" className="flex w-80 shrink-0 flex-col overflow-hidden rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex items-start gap-2 border-b border-slate-100 px-3 py-2">
        <div className="min-w-0 flex-1">
          <div className="text-[10px] uppercase tracking-wider text-slate-500">
            {kind} · {node.typeKey}
          </div>
          <h2 className="break-words text-sm font-semibold text-slate-900" data-testid="details-name">
            {node.label}
          </h2>
        </div>
        <button type="button" aria-label="Close details" onClick={onClose} className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
          ✕
        </button>
      </header>
      <div className="flex flex-wrap gap-1.5 border-b border-slate-100 px-3 py-2">
        <ActionButton disabled={!node.hidden.up} onClick={() => onExpand(node.id, "up")}>
          ◂ Expand upstream{node.hidden.up ? ` (+${node.hidden.up})` : ""}
        </ActionButton>
        <ActionButton disabled={!node.hidden.down} onClick={() => onExpand(node.id, "down")}>
          Expand downstream{node.hidden.down ? ` (+${node.hidden.down})` : ""} ▸
        </ActionButton>
        {node.kind !== "cluster" && node.id !== graph.focus ? <ActionButton onClick={() => onFocus(node.id)}>Focus here</ActionButton> : null}
        {page ? (
          <Link href={page} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-sky-700 hover:bg-sky-50">
            Open {node.kind} page
          </Link>
        ) : null}
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {node.kind === "artifact" ? <ArtifactDetails id={Number(node.id.slice(9))} /> : null}
        {node.kind === "execution" ? <ExecutionDetails uuid={node.id.slice(10)} /> : null}
        {node.kind === "cluster" ? <ClusterDetails cluster={node} graph={graph} onPullOut={onPullOut} /> : null}
      </div>
    </aside>
  );
}

function ActionButton(props: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" {...props} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-40" />;
}
