"use client";

import Link from "next/link";
import { useMemo } from "react";
import { formatDelta, VERDICT_CLASS } from "@/lib/compare/metric-delta";
import { directionOf } from "@/lib/compare/metric-direction";
import { datasetContributions, type InputArtifact } from "@/lib/registry/dataset-contributions";
import { formatMetric } from "@/components/ui/format";
import { artifactHref, compareHref, lineageHref } from "@/components/executions/links";
import type { ModelDetail } from "./types";

// Between successive versions: the training datasets added, removed or replaced, and how every
// final metric moved (green better, red worse), so one sees which data helped this architecture.
export function DatasetContributions({ model }: { model: ModelDetail }) {
  const rows = useMemo(() => datasetContributions(model.versions, (k) => directionOf(k)), [model.versions]);
  const keys = [...new Set(rows.flatMap((r) => r.metrics.map((m) => m.key)))];
  if (rows.length === 0) return <p className="text-xs text-slate-500">Contributions need at least two versions.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-xs">
      <table aria-label="Dataset contributions" className="w-full text-xs">
        <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wider text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">Versions</th>
            <th className="px-3 py-2 font-medium">Training data changed</th>
            {keys.map((k) => (
              <th key={k} className="px-3 py-2 text-right font-mono font-medium normal-case tracking-normal">
                Δ {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const from = model.versions.find((v) => v.version === r.from);
            const uuids = [from?.execution?.uuid, r.execution?.uuid].filter((u): u is string => !!u);
            return (
              <tr key={r.to} data-contribution={`${r.from}-${r.to}`} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-1.5">
                  <span className="font-mono font-semibold text-slate-800">
                    v{r.from} → v{r.to}
                  </span>
                  {uuids.length === 2 ? (
                    <Link href={compareHref(uuids)} className="ml-2 text-[11px] text-sky-700 hover:underline">
                      compare
                    </Link>
                  ) : null}
                </td>
                <td className="px-3 py-1.5">
                  <div className="flex max-w-xl flex-wrap gap-1">
                    {r.added.map((d) => (
                      <DatasetChip key={`+${d.id}`} d={d} sign="+" className="bg-emerald-50 text-emerald-800 ring-emerald-600/20" />
                    ))}
                    {r.removed.map((d) => (
                      <DatasetChip key={`-${d.id}`} d={d} sign="−" className="bg-red-50 text-red-800 ring-red-600/20" />
                    ))}
                    {r.replaced.map((x) => (
                      <DatasetChip key={`~${x.after.id}`} d={x.after} sign="~" className="bg-amber-50 text-amber-800 ring-amber-600/20" title={`new content: ${x.before.hash} → ${x.after.hash}`} />
                    ))}
                    {r.added.length + r.removed.length + r.replaced.length === 0 ? <span className="text-slate-400">same datasets ({r.kept.length})</span> : null}
                  </div>
                </td>
                {keys.map((k) => {
                  const m = r.metrics.find((x) => x.key === k);
                  if (!m) return <td key={k} />;
                  return (
                    <td key={k} data-verdict={m.verdict} className="whitespace-nowrap px-3 py-1.5 text-right font-mono tabular-nums">
                      <div className={VERDICT_CLASS[m.verdict]}>{m.delta !== null ? formatDelta(m, (v) => formatMetric(v)) : m.verdict === "unknown" ? "—" : m.verdict}</div>
                      <div className="text-[10px] text-slate-400">
                        {m.before === undefined || m.before === null ? "—" : formatMetric(m.before)} → {m.after === undefined || m.after === null ? "—" : formatMetric(m.after)}
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DatasetChip({ d, sign, className, title }: { d: InputArtifact; sign: string; className: string; title?: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 ring-1 ring-inset ${className}`} title={title ?? d.hash}>
      <span className="font-mono font-bold">{sign}</span>
      <Link href={artifactHref(d.id)} className="hover:underline">
        {d.name}
      </Link>
      <Link href={lineageHref({ artifact: d.id })} className="text-[10px] opacity-70 hover:underline" aria-label={`lineage of ${d.name}`}>
        ⤴
      </Link>
    </span>
  );
}
