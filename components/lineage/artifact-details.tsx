"use client";

import Link from "next/link";
import { useArtifact } from "@/components/api/hooks/use-artifact";
import { StatusBadge } from "@/components/ui/status-badge";
import { Field, Section, showValue } from "./detail-fields";
import { executionHref, formatBytes, modelHref } from "./links";

const SHOWN_RUNS = 8;

// An artifact's record: identity, where it lives, its properties, who made and used it, which
// model versions it is.
export function ArtifactDetails({ id }: { id: number }) {
  const q = useArtifact(id);
  if (q.isPending) return <p className="px-3 py-2 text-xs text-slate-400">Loading…</p>;
  if (q.error) return <p className="px-3 py-2 text-xs text-red-700">{q.error.message}</p>;
  const a = q.data;
  const props = Object.entries(a.properties);
  return (
    <div className="py-1">
      <dl>
        <Field label="Type">{a.type}</Field>
        <Field label="Hash" mono>
          {a.hash}
        </Field>
        <Field label="URI" mono>
          {a.uri ?? "–"}
        </Field>
        <Field label="Size">{formatBytes(a.size)}</Field>
        <Field label="Created">{a.createdAt.replace("T", " ").slice(0, 19)} UTC</Field>
      </dl>
      {props.length ? (
        <Section title="Properties">
          <dl>
            {props.map(([k, v]) => (
              <Field key={k} label={k} mono>
                {showValue(v)}
              </Field>
            ))}
          </dl>
        </Section>
      ) : null}
      <Runs title="Produced by" runs={a.producers} />
      <Runs title="Consumed by" runs={a.consumers} />
      {a.modelVersions.length ? (
        <Section title="Model versions">
          <ul className="px-3 text-xs">
            {a.modelVersions.map((v) => (
              <li key={`${v.model}-${v.version}`}>
                <Link href={modelHref(v.model)} className="text-sky-700 hover:underline">
                  {v.model} v{v.version}
                </Link>
                {v.aliases.length ? <span className="text-slate-500"> · {v.aliases.join(", ")}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

function Runs({ title, runs }: { title: string; runs: Array<{ uuid: string; name: string; status: string; stage: string }> }) {
  if (runs.length === 0) return null;
  return (
    <Section title={`${title} (${runs.length})`}>
      <ul className="space-y-0.5 px-3 text-xs">
        {runs.slice(0, SHOWN_RUNS).map((r) => (
          <li key={r.uuid} className="flex items-center gap-1.5">
            <StatusBadge status={r.status} />
            <Link href={executionHref(r.uuid)} className="truncate text-sky-700 hover:underline" title={r.name}>
              {r.name}
            </Link>
            <span className="shrink-0 text-slate-400">{r.stage}</span>
          </li>
        ))}
        {runs.length > SHOWN_RUNS ? <li className="text-slate-500">and {runs.length - SHOWN_RUNS} more</li> : null}
      </ul>
    </Section>
  );
}
