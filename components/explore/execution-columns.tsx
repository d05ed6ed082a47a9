"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ExecutionRow } from "@/components/api/hooks/use-execution-pages";
import { executionHref } from "@/components/executions/links";
import { formatAbsolute, formatDuration, formatMetric } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { columnLabel, metricValue, paramValue, sortFieldOf } from "./columns";
import type { TableColumn } from "./virtual-table";

// Cell renderers for the executions table, one per column id.

export type CellContext = { now: number; stalls: ReadonlyMap<string, number> };

const WIDTH: Record<string, number> = { name: 250, pipeline: 170, stage: 110, status: 190, startedAt: 150, duration: 95, endedAt: 150, uuid: 260 };
// params.* and metrics.* headers are monospace: wide enough for the key, within reason.
const keyWidth = (id: string) => Math.round(Math.max(95, Math.min(220, 30 + 6.8 * id.length)));
const missing = <span className="text-slate-300">–</span>;
const utc = (iso: string) => formatAbsolute(new Date(iso)).slice(0, 19);

function formatParam(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

function Header({ id }: { id: string }) {
  const m = /^(params|metrics)\.(.*)$/.exec(id);
  if (!m) return <>{columnLabel(id)}</>;
  return (
    <span className="font-mono">
      <span className="text-slate-400">{m[1]}.</span>
      {m[2]}
    </span>
  );
}

function cellOf(id: string, ctx: CellContext): (r: ExecutionRow) => ReactNode {
  switch (id) {
    case "name":
      return (r) => (
        <Link href={executionHref(r.uuid)} title={r.name} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
          {r.name}
        </Link>
      );
    case "pipeline":
      return (r) => <span title={r.pipeline}>{r.pipeline}</span>;
    case "stage":
      return (r) => <span title={r.stage}>{r.stage}</span>;
    case "status":
      return (r) => {
        const idle = r.status === "RUNNING" ? ctx.stalls.get(r.uuid) : undefined;
        return (
          <span className="flex items-center gap-1" data-status={r.status}>
            <StatusBadge status={r.status} />
            {idle !== undefined ? (
              <span title={`RUNNING, but no new data for ${formatDuration(idle * 1000)}`} className="rounded bg-amber-100 px-1 text-[10px] font-medium text-amber-800">
                stalled {formatDuration(idle * 1000)}
              </span>
            ) : null}
          </span>
        );
      };
    case "startedAt":
      return (r) => <span className="tabular-nums text-slate-600">{utc(r.startedAt)}</span>;
    case "endedAt":
      return (r) => (r.endedAt ? <span className="tabular-nums text-slate-600">{utc(r.endedAt)}</span> : missing);
    case "duration":
      return (r) => {
        const running = r.status === "RUNNING" || !r.endedAt;
        const end = running ? ctx.now : new Date(r.endedAt!).getTime();
        return (
          <span className="text-slate-600" title={running ? "still running" : undefined}>
            {formatDuration(end - new Date(r.startedAt).getTime())}
            {running ? <span className="text-slate-400"> …</span> : null}
          </span>
        );
      };
    case "uuid":
      return (r) => <span className="font-mono text-[11px] text-slate-500">{r.uuid}</span>;
  }
  if (id.startsWith("metrics.")) {
    const key = id.slice(8);
    return (r) => {
      const v = metricValue(r, key);
      return v === undefined ? missing : <span title={String(v)} className="font-mono">{formatMetric(v)}</span>;
    };
  }
  const key = id.slice(7);
  return (r) => {
    const v = paramValue(r.params, key);
    return v === undefined ? missing : <span title={formatParam(v)}>{formatParam(v)}</span>;
  };
}

export function executionColumns(ids: readonly string[], ctx: CellContext): Array<TableColumn<ExecutionRow>> {
  return ids.map((id) => ({
    id,
    header: <Header id={id} />,
    title: id === "duration" || id === "uuid" ? `${columnLabel(id)} (not sortable)` : `sort by ${id}`,
    width: WIDTH[id] ?? keyWidth(id),
    align: id.startsWith("metrics.") || id === "duration" ? "right" : "left",
    sortField: sortFieldOf(id),
    cell: cellOf(id, ctx),
  }));
}
