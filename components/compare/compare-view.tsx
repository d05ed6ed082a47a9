"use client";

import Link from "next/link";
import { useEffect, useMemo, useState, type ComponentProps } from "react";
import { formatDirections, parseDirections, type Direction } from "@/lib/compare/metric-direction";
import { MAX_COMPARED } from "@/lib/schemas/compare";
import { colorAt } from "@/components/charts/colors";
import { InitialSeriesProvider } from "@/components/charts/initial-series";
import type { PackedSeries } from "@/lib/compare/series-wire";
import { patchUrl, useUrlParams } from "@/components/charts/use-chart-view";
import { mark } from "@/components/charts/perf";
import { useStreamed } from "@/components/charts/use-streamed";
import { executionHref } from "@/components/executions/links";
import { CompareCharts } from "./compare-charts";
import { useServerParams } from "./compare-url";
import { ExecutionPicker } from "./execution-picker";
import { MetricsCompare } from "./metrics-compare";
import { ParamsCompare } from "./params-compare";
import type { Column, ComparedExecution, ValueAtStep } from "./types";

type Props = {
  executions: ComparedExecution[];
  missing: string[];
  step: number | undefined;
  rank: number;
  atStep: Record<string, Record<string, ValueAtStep>> | null;
  series: Promise<Record<string, PackedSeries>>; // preloaded curves, streamed after the page (lib/compare/load-compare.ts)
};

const NONE: Record<string, PackedSeries> = {};
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort((a, b) => a.localeCompare(b));

// GET /compare — executions side by side: params, final metrics against a baseline, values at a
// chosen step and overlaid curves. The address holds the whole view, so it can be shared.
export function CompareView({ executions, missing, step, rank, atStep, series }: Props) {
  const params = useUrlParams();
  const setServer = useServerParams();
  useEffect(() => mark("compare:hydrated"), []);
  const only = params.get("only") === "diff";
  // Written client-side (patchUrl), so read from the address rather than the server's props.
  const baseline = params.get("baseline") ?? undefined;
  const directions = useMemo(() => parseDirections(params.get("dir")), [params]);
  const uuids = executions.map((e) => e.uuid);
  const baseUuid = baseline && uuids.includes(baseline) ? baseline : uuids[0];
  // Colours follow the order in the address, so every chart and table agrees.
  const columns: Column[] = useMemo(
    () => executions.map((e, i) => ({ execution: e, color: colorAt(i), baseline: e.uuid === baseUuid })),
    [executions, baseUuid],
  );
  const list = (next: string[]) => setServer({ executions: next.join(",") || null });
  const setDirection = (key: string, d: Direction | "none") => patchUrl({ dir: formatDirections({ ...directions, [key]: d }) || null });
  const metricKeys = sorted(executions.flatMap((e) => Object.keys(e.metrics)));
  const seriesKeys = sorted(executions.flatMap((e) => e.series.filter((s) => s.rank === rank).map((s) => s.key)));
  const ranks = [...new Set(executions.flatMap((e) => e.series.map((s) => s.rank)))].sort((a, b) => a - b);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold text-slate-900">Compare executions</h1>
        <span className="text-xs text-slate-500">
          {executions.length} of at most {MAX_COMPARED} · pick more here, from a model&apos;s versions or from the lineage view
        </span>
      </div>
      <ExecutionPicker selected={uuids} full={uuids.length >= MAX_COMPARED} onAdd={(u) => list([...uuids, u])} />
      {missing.length > 0 ? (
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-800">
          No execution with uuid {missing.map((m) => `“${m}”`).join(", ")}: left out.{" "}
          <button type="button" className="underline" onClick={() => list(uuids)}>
            remove from the address
          </button>
        </p>
      ) : null}

      {executions.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          Nothing to compare yet. Search for executions above, or open a model and compare its versions.
        </p>
      ) : (
        <>
          {/* Links without prefetch: see column-header.tsx. */}
          <ul aria-label="Compared executions" className="flex flex-wrap gap-2">
            {columns.map((c) => (
              <li key={c.execution.uuid} className={`flex items-center gap-1.5 rounded border px-2 py-1 text-xs ${c.baseline ? "border-sky-300 bg-sky-50" : "border-slate-200 bg-white"}`}>
                <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: c.color }} />
                <Link href={executionHref(c.execution.uuid)} prefetch={false} className="max-w-56 truncate text-slate-800 hover:underline">
                  {c.execution.name}
                </Link>
                {c.baseline ? (
                  <span className="text-[10px] uppercase tracking-wider text-sky-700">baseline</span>
                ) : (
                  <button type="button" onClick={() => patchUrl({ baseline: c.execution.uuid })} className="text-[10px] text-slate-500 hover:text-sky-700">
                    set baseline
                  </button>
                )}
                <button
                  type="button"
                  aria-label={`remove ${c.execution.name}`}
                  onClick={() => list(uuids.filter((u) => u !== c.execution.uuid))}
                  className="ml-0.5 text-slate-400 hover:text-red-600"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>

          <ParamsCompare columns={columns} only={only} onOnly={(o) => patchUrl({ only: o ? "diff" : null })} />

          <MetricsCompare
            title="Final metrics"
            label="Final metrics"
            columns={columns}
            keys={metricKeys}
            value={(c, k) => ({ value: Object.hasOwn(c.execution.metrics, k) ? c.execution.metrics[k] : undefined })}
            directions={directions}
            onDirection={setDirection}
          >
            <span>deltas against the baseline; green is better</span>
          </MetricsCompare>

          <MetricsCompare
            title={step === undefined ? "Step metrics at a step" : `Step metrics at step ${step}`}
            label="Values at step"
            columns={columns}
            keys={step === undefined ? [] : seriesKeys}
            value={(c, k) => {
              const v = atStep?.[c.execution.uuid]?.[k];
              return v ? { value: v.value, note: v.step !== step ? `@${v.step}` : undefined } : { value: undefined };
            }}
            directions={directions}
            onDirection={setDirection}
            empty={step === undefined ? "choose a step to see every series' value there" : `no series at rank ${rank}`}
          >
            <StepInput step={step} onStep={(s) => setServer({ step: s === undefined ? null : String(s) })} />
          </MetricsCompare>

          <StreamedCharts series={series} columns={columns} rank={rank} ranks={ranks} onRank={(r) => setServer({ rank: r === 0 ? null : String(r) })} />
        </>
      )}
    </div>
  );
}

// The charts, drawn from the curves the page streams after itself. Their arrival re-renders only
// this part, not the 50-column tables above.
function StreamedCharts({ series, ...charts }: { series: Props["series"] } & Omit<ComponentProps<typeof CompareCharts>, "waiting">) {
  const preloaded = useStreamed(series, "compare:curves");
  return (
    <InitialSeriesProvider series={preloaded ?? NONE}>
      <CompareCharts {...charts} waiting={preloaded === null} />
    </InitialSeriesProvider>
  );
}

function StepInput({ step, onStep }: { step: number | undefined; onStep: (s: number | undefined) => void }) {
  const [text, setText] = useState(step === undefined ? "" : String(step));
  return (
    <form
      className="flex items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(text);
        onStep(text.trim() === "" || !Number.isInteger(n) || n < 0 ? undefined : n);
      }}
    >
      <label htmlFor="compare-step">value at step</label>
      <input
        id="compare-step"
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="e.g. 40"
        className="w-20 rounded border border-slate-300 px-1.5 py-0.5 text-slate-800"
      />
      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-50">
        Show
      </button>
      <span className="text-slate-400">(the last point at or before it)</span>
    </form>
  );
}
