import { metricDelta, VERDICT_CLASS } from "@/lib/compare/metric-delta";
import { directionOf } from "@/lib/compare/metric-direction";
import { formatMetric } from "@/components/ui/format";
import { shortHash } from "@/components/executions/links";
import type { ModelVersion } from "./types";

// What an alias move will change: where the alias points, the artifact a driver will deploy
// next, and the metrics of the version it leaves against the one it moves to.
export function WhatChanges({ alias, from, to }: { alias: string; from: ModelVersion | undefined; to: ModelVersion | undefined }) {
  if (!to) return null;
  if (from?.version === to.version) {
    return <p className="rounded bg-slate-50 px-3 py-2 text-xs text-slate-600">@{alias} already points at v{to.version}: nothing will change and nothing is recorded.</p>;
  }
  const keys = [...new Set([...Object.keys(from?.metrics ?? {}), ...Object.keys(to.metrics)])].sort((a, b) => a.localeCompare(b));
  return (
    <div data-testid="what-changes" className="space-y-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs">
      <div className="text-sm">
        <span className="font-medium">@{alias}</span>: {from ? <span className="font-mono">v{from.version}</span> : <span className="text-slate-500">not set</span>} →{" "}
        <span className="font-mono font-semibold">v{to.version}</span>
      </div>
      <div className="text-slate-600">
        drivers will deploy <span className="break-all font-mono">{to.artifact.uri ?? to.artifact.name}</span>{" "}
        <span className="font-mono text-slate-400" title={to.artifact.hash}>
          ({shortHash(to.artifact.hash)})
        </span>
      </div>
      {keys.length > 0 ? (
        <table className="w-full tabular-nums">
          <tbody>
            {keys.map((k) => {
              const before = from ? from.metrics[k] : undefined;
              const after = to.metrics[k];
              const d = metricDelta(before, after, directionOf(k));
              return (
                <tr key={k}>
                  <td className="py-0.5 pr-3 font-mono text-slate-500">{k}</td>
                  <td className="pr-2 text-right font-mono">{before === undefined ? "—" : formatMetric(before)}</td>
                  <td className="px-1 text-slate-400">→</td>
                  <td className={`text-right font-mono ${VERDICT_CLASS[d.verdict]}`}>{after === undefined ? "—" : formatMetric(after)}</td>
                  <td className={`pl-2 text-[10px] ${VERDICT_CLASS[d.verdict]}`}>{d.verdict === "better" || d.verdict === "worse" ? d.verdict : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
