"use client";

import Link from "next/link";
import { useExecution } from "@/components/api/hooks/use-execution";
import { formatDuration, formatMetric } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { Field, Section, showValue } from "./detail-fields";
import { compareHref, executionHref, modelHref } from "./links";

const SHOWN = 12;

// An execution's record: status, timing, metrics, parameters, and the way to its loss curves.
export function ExecutionDetails({ uuid }: { uuid: string }) {
  const q = useExecution(uuid);
  if (q.isPending) return <p className="px-3 py-2 text-xs text-slate-400">Loading…</p>;
  if (q.error) return <p className="px-3 py-2 text-xs text-red-700">{q.error.message}</p>;
  const e = q.data;
  const params = Object.entries(e.params);
  const metrics = Object.entries(e.metrics);
  const ms = (e.endedAt ? Date.parse(e.endedAt) : Date.now()) - Date.parse(e.startedAt);
  return (
    <div className="py-1">
      <dl>
        <Field label="Status">
          <StatusBadge status={e.status} />
        </Field>
        <Field label="Pipeline">{e.pipeline}</Field>
        <Field label="Stage">{e.stage}</Field>
        <Field label="UUID" mono>
          {e.uuid}
        </Field>
        <Field label="Started">{e.startedAt.replace("T", " ").slice(0, 19)} UTC</Field>
        <Field label="Duration">
          {formatDuration(ms)}
          {e.endedAt ? "" : " (running)"}
        </Field>
        <Field label="Inputs">{e.inputs.length}</Field>
        <Field label="Outputs">{e.outputs.length}</Field>
      </dl>
      {metrics.length ? (
        <Section title="Metrics">
          <dl>
            {metrics.map(([k, v]) => (
              <Field key={k} label={k} mono>
                {formatMetric(v)}
              </Field>
            ))}
          </dl>
        </Section>
      ) : null}
      {params.length ? (
        <Section title={`Params${params.length > SHOWN ? ` (${SHOWN} of ${params.length})` : ""}`}>
          <dl>
            {params.slice(0, SHOWN).map(([k, v]) => (
              <Field key={k} label={k} mono>
                {showValue(v)}
              </Field>
            ))}
          </dl>
        </Section>
      ) : null}
      <Section title="Curves and comparison">
        <ul className="space-y-0.5 px-3 text-xs">
          {e.series.length ? (
            <li>
              <Link href={executionHref(e.uuid)} className="text-sky-700 hover:underline">
                Loss curves ({[...new Set(e.series.map((s) => s.key))].join(", ")})
              </Link>
            </li>
          ) : (
            <li className="text-slate-400">No step metrics logged.</li>
          )}
          <li>
            <Link href={compareHref([e.uuid])} className="text-sky-700 hover:underline">
              Compare with other runs
            </Link>
          </li>
          {e.modelVersions.map((v) => (
            <li key={`${v.model}-${v.version}`}>
              Registered{" "}
              <Link href={modelHref(v.model)} className="text-sky-700 hover:underline">
                {v.model} v{v.version}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
