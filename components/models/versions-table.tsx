"use client";

import Link from "next/link";
import { directionOf } from "@/lib/compare/metric-direction";
import { formatAbsolute, formatMetric } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { artifactHref, executionHref, lineageHref, shortHash } from "@/components/executions/links";
import { AliasBadge } from "./alias-badge";
import type { ModelDetail } from "./types";
import { WriteButton } from "./write-button";

type Props = {
  model: ModelDetail;
  selected: ReadonlySet<number>;
  onSelect: (version: number) => void;
  canWrite: boolean;
  onPromote: (version: number) => void;
};

// The best finite value of a metric across versions, by its direction (none without one).
function bestOf(model: ModelDetail, key: string): number | null {
  const dir = directionOf(key);
  if (!dir) return null;
  const values = model.versions.map((v) => v.metrics[key]).filter((x): x is number => typeof x === "number");
  if (values.length < 2) return null;
  return dir === "min" ? Math.min(...values) : Math.max(...values);
}

// Every version: its aliases, artifact, producing execution, training datasets and final metrics.
export function VersionsTable({ model, selected, onSelect, canWrite, onPromote }: Props) {
  const keys = [...new Set(model.versions.flatMap((v) => Object.keys(v.metrics)))].sort((a, b) => a.localeCompare(b));
  const best = new Map(keys.map((k) => [k, bestOf(model, k)]));
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-xs">
      <table aria-label="Versions" className="w-full text-xs">
        <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wider text-slate-500">
          <tr>
            <th className="w-6 px-2 py-2" aria-label="select" />
            <th className="px-2 py-2 font-medium">Version</th>
            <th className="px-2 py-2 font-medium">Artifact</th>
            <th className="px-2 py-2 font-medium">Produced by</th>
            <th className="px-2 py-2 font-medium">Training datasets</th>
            {keys.map((k) => (
              <th key={k} className="px-2 py-2 text-right font-mono font-medium normal-case tracking-normal">
                {k}
              </th>
            ))}
            <th className="px-2 py-2" />
          </tr>
        </thead>
        <tbody>
          {[...model.versions].reverse().map((v) => {
            const aliases = model.aliases.filter((a) => a.version === v.version);
            const datasets = v.inputs.filter((i) => i.type === "dataset");
            return (
              <tr key={v.version} data-version={v.version} className="border-t border-slate-100 align-top hover:bg-slate-50">
                <td className="px-2 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`select v${v.version} to compare`}
                    checked={selected.has(v.version)}
                    disabled={!v.execution}
                    onChange={() => onSelect(v.version)}
                    className="accent-slate-800"
                  />
                </td>
                <td className="px-2 py-1.5">
                  <div className="font-mono text-sm font-semibold text-slate-900">v{v.version}</div>
                  <div className="mt-0.5 flex flex-wrap gap-1">
                    {aliases.map((a) => (
                      <AliasBadge key={a.alias} alias={a.alias} />
                    ))}
                  </div>
                  <div className="mt-0.5 whitespace-nowrap text-[10px] text-slate-400">{formatAbsolute(new Date(v.createdAt))}</div>
                </td>
                <td className="max-w-64 px-2 py-1.5">
                  <Link href={artifactHref(v.artifact.id)} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
                    {v.artifact.name}
                  </Link>
                  <div className="font-mono text-[10px] text-slate-500" title={v.artifact.hash}>
                    {shortHash(v.artifact.hash)}
                  </div>
                  {v.artifact.uri ? <div className="break-all font-mono text-[10px] text-slate-400">{v.artifact.uri}</div> : null}
                </td>
                <td className="px-2 py-1.5">
                  {v.execution ? (
                    <>
                      <Link href={executionHref(v.execution.uuid)} className="text-slate-800 hover:text-sky-700 hover:underline">
                        {v.execution.name}
                      </Link>
                      <div className="mt-0.5">
                        <StatusBadge status={v.execution.status} />
                      </div>
                    </>
                  ) : (
                    <span className="text-slate-400">not recorded</span>
                  )}
                </td>
                <td className="px-2 py-1.5">
                  <div className="flex max-w-72 flex-wrap gap-1">
                    {datasets.length === 0 ? <span className="text-slate-400">none recorded</span> : null}
                    {datasets.map((d) => (
                      <Link key={d.id} href={artifactHref(d.id)} title={d.hash} className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700 hover:bg-sky-50 hover:text-sky-800">
                        {d.name}
                      </Link>
                    ))}
                  </div>
                </td>
                {keys.map((k) => {
                  const value = v.metrics[k];
                  const isBest = typeof value === "number" && value === best.get(k);
                  return (
                    <td key={k} className={`px-2 py-1.5 text-right font-mono tabular-nums ${typeof value === "string" ? "text-red-700" : isBest ? "font-semibold text-emerald-700" : "text-slate-800"}`} title={isBest ? "best of all versions" : undefined}>
                      {value === undefined ? <span className="text-slate-300">—</span> : formatMetric(value)}
                    </td>
                  );
                })}
                <td className="whitespace-nowrap px-2 py-1.5 text-right">
                  <WriteButton canWrite={canWrite} onClick={() => onPromote(v.version)} label="Promote…" />
                  <Link href={lineageHref({ artifact: v.artifact.id })} className="ml-2 text-sky-700 hover:underline">
                    lineage
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
