"use client";

import { useMemo } from "react";
import type { ModelPage, ModelScope } from "@/components/api/hooks/use-model-pages";
import { formatDelta, VERDICT_CLASS } from "@/lib/compare/metric-delta";
import { directionOf } from "@/lib/compare/metric-direction";
import { datasetContributions, datasetEffects } from "@/lib/registry/dataset-contributions";
import { patchUrl, useUrlParams } from "@/components/charts/use-chart-view";
import { SectionTitle } from "@/components/ui/card";
import { formatMetric } from "@/components/ui/format";
import { ModelsTable } from "./models-table";
import type { ModelDetail } from "./types";

type Props = { initialScope: ModelScope; initialPage: ModelPage; details: ModelDetail[] };

// GET /models: the registry, and across architectures which added dataset moved which metric.
export function ModelsList({ initialScope, initialPage, details }: Props) {
  const params = useUrlParams();
  const contributions = useMemo(
    () => details.map((m) => ({ name: m.name, contributions: datasetContributions(m.versions, (k) => directionOf(k)) })),
    [details],
  );
  const metrics = [...new Set(contributions.flatMap((m) => m.contributions.flatMap((c) => c.metrics.map((x) => x.key))))].sort();
  const wanted = params.get("metric");
  const metric = wanted && metrics.includes(wanted) ? wanted : metrics.includes("test_loss") ? "test_loss" : metrics[0];
  const effects = metric ? datasetEffects(contributions, metric) : [];
  const datasets = [...new Set(effects.map((e) => e.dataset))];
  const modelNames = [...new Set(effects.map((e) => e.model))];

  return (
    <div>
      <h1 className="text-lg font-semibold text-slate-900">Models</h1>
      <div className="mt-3">
        <ModelsTable initialScope={initialScope} initialPage={initialPage} />
      </div>

      {effects.length > 0 ? (
        <>
          <SectionTitle
            aside={
              <label className="flex items-center gap-1.5">
                metric
                <select value={metric} onChange={(e) => patchUrl({ metric: e.target.value })} className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono">
                  {metrics.map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </label>
            }
          >
            Dataset contributions across models
          </SectionTitle>
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-xs">
            <table aria-label="Dataset contributions across models" className="w-full text-xs">
              <thead className="bg-slate-50 text-left text-[11px] text-slate-500">
                <tr>
                  <th className="px-3 py-2 font-medium uppercase tracking-wider">Dataset added</th>
                  {modelNames.map((n) => (
                    <th key={n} className="px-3 py-2 text-right font-medium">
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {datasets.map((d) => (
                  <tr key={d} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-1.5 text-left font-medium text-slate-700">
                      {d}
                    </th>
                    {modelNames.map((n) => {
                      const e = effects.find((x) => x.dataset === d && x.model === n);
                      return (
                        <td key={n} data-verdict={e?.change.verdict} className="px-3 py-1.5 text-right font-mono tabular-nums">
                          {e ? (
                            <>
                              <span className={VERDICT_CLASS[e.change.verdict]}>{e.change.delta !== null ? formatDelta(e.change, (v) => formatMetric(v)) : e.change.verdict}</span>
                              <span className="ml-1.5 text-[10px] text-slate-400">
                                v{e.from}→v{e.to}
                              </span>
                            </>
                          ) : (
                            <span className="text-slate-300">—</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
