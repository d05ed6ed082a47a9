"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { PackedSeries } from "@/lib/compare/series-wire";
import { InitialSeriesProvider } from "@/components/charts/initial-series";
import { LiveExecution } from "@/components/live/live-execution";
import { Card, SectionTitle } from "@/components/ui/card";
import { formatMetric } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { AbsoluteTime, Duration, RelativeTime } from "@/components/ui/time";
import { ArtifactTable } from "./artifact-table";
import { ExecutionCharts } from "./execution-charts";
import { KeyValues } from "./key-values";
import { compareHref, executionHref, lineageHref, modelHref } from "./links";
import type { ExecutionDetail as Execution } from "./types";

// GET /executions/{uuid}: everything known about one execution, with a chart per series key.
export function ExecutionDetail({ execution: e, series, now, stallSeconds }: { execution: Execution; series: Record<string, PackedSeries>; now: Date; stallSeconds: number }) {
  const metrics = Object.entries(e.metrics).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="text-xs text-slate-500">
            {e.pipeline} <span className="text-slate-300">/</span> {e.stage}
          </div>
          <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <span className="break-all">{e.name}</span>
            <StatusBadge status={e.status} />
            <LiveExecution uuid={e.uuid} status={e.status} series={e.series} stallSeconds={stallSeconds} />
          </h1>
          <div className="font-mono text-[11px] text-slate-400">{e.uuid}</div>
        </div>
        <div className="flex gap-2 text-xs">
          <Link href={lineageHref({ execution: e.uuid })} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:bg-slate-50">
            Lineage
          </Link>
          <Link href={compareHref([e.uuid])} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:bg-slate-50">
            Compare with…
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white px-4 py-3 text-xs shadow-xs md:grid-cols-3 xl:grid-cols-6">
        <Meta label="Started">
          <AbsoluteTime date={e.startedAt} /> <span className="text-slate-400">(<RelativeTime date={e.startedAt} now={now} />)</span>
        </Meta>
        <Meta label="Ended">{e.endedAt ? <AbsoluteTime date={e.endedAt} /> : <span className="text-slate-400">still running</span>}</Meta>
        <Meta label="Duration">
          <Duration start={e.startedAt} end={e.status === "RUNNING" ? null : e.endedAt} now={now} />
        </Meta>
        <Meta label="Parent">
          {e.parent ? (
            <Link href={executionHref(e.parent.uuid)} className="text-sky-700 hover:underline">
              {e.parent.name}
            </Link>
          ) : (
            <span className="text-slate-400">none</span>
          )}
        </Meta>
        <Meta label={`Children (${e.children.length})`} wide>
          {e.children.length === 0 ? (
            <span className="text-slate-400">none</span>
          ) : (
            <span className="flex flex-wrap gap-x-3 gap-y-0.5">
              {e.children.map((c) => (
                <Link key={c.uuid} href={executionHref(c.uuid)} className="text-sky-700 hover:underline">
                  {c.name} <span className="text-slate-400">({c.status.toLowerCase()})</span>
                </Link>
              ))}
            </span>
          )}
        </Meta>
      </dl>

      <div className="grid gap-3 lg:grid-cols-3">
        <Card title="Params" aside={`${Object.keys(e.params).length}`}>
          <KeyValues values={e.params} label="Params" empty="no params logged" />
        </Card>
        <Card title="Properties" aside={`${Object.keys(e.properties).length}`}>
          <KeyValues values={e.properties} label="Properties" empty="no properties logged" />
        </Card>
        <Card title="Final metrics" aside={`${metrics.length}`}>
          {metrics.length === 0 ? (
            <p className="px-3 py-2 text-xs text-slate-400">no final metrics logged</p>
          ) : (
            <table aria-label="Final metrics" className="w-full text-xs">
              <tbody>
                {metrics.map(([k, v]) => (
                  <tr key={k} className="border-t border-slate-100 first:border-t-0">
                    <th scope="row" className="px-3 py-1 text-left font-mono font-normal text-slate-500">
                      {k}
                    </th>
                    <td className={`px-3 py-1 text-right font-mono tabular-nums ${typeof v === "string" ? "text-red-700" : "text-slate-900"}`} title={String(v)}>
                      {formatMetric(v)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      <div className="grid gap-3 lg:grid-cols-2">
        <Card title="Inputs" aside={`${e.inputs.length}`}>
          <ArtifactTable artifacts={e.inputs} label="Inputs" />
        </Card>
        <Card title="Outputs" aside={`${e.outputs.length}`}>
          <ArtifactTable artifacts={e.outputs} label="Outputs" />
          {e.modelVersions.length > 0 ? (
            <div className="flex flex-wrap gap-2 border-t border-slate-100 px-3 py-1.5 text-xs">
              <span className="text-slate-500">registered as</span>
              {e.modelVersions.map((v) => (
                <Link key={`${v.model}@${v.version}`} href={modelHref(v.model)} className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-800 ring-1 ring-violet-600/20 hover:underline">
                  {v.model} v{v.version}
                </Link>
              ))}
            </div>
          ) : null}
        </Card>
      </div>

      <SectionTitle aside={`${new Set(e.series.map((s) => s.key)).size} keys`}>Step metrics</SectionTitle>
      <InitialSeriesProvider series={series}>
        <ExecutionCharts uuid={e.uuid} series={e.series} t0={new Date(e.startedAt).getTime()} />
      </InitialSeriesProvider>
    </div>
  );
}

function Meta({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-[10px] font-medium uppercase tracking-wider text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}
