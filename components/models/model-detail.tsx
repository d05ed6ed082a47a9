"use client";

import Link from "next/link";
import { useState } from "react";
import type { AliasHistory } from "@/components/api/hooks/use-alias-history";
import { useModel } from "@/components/api/hooks/use-model";
import { patchUrl, useUrlParams } from "@/components/charts/use-chart-view";
import { compareHref } from "@/components/executions/links";
import { SectionTitle } from "@/components/ui/card";
import { AliasBadge } from "./alias-badge";
import { PromoteDialog, RollbackDialog } from "./alias-dialogs";
import { AliasTimeline } from "./alias-timeline";
import { DatasetContributions } from "./dataset-contributions";
import type { ModelDetail as Model } from "./types";
import { VersionsTable } from "./versions-table";
import { NEEDS_WRITE } from "./write-button";

type Props = { initial: Model; histories: Record<string, AliasHistory>; canWrite: boolean; actor: string };
type Dialog = { kind: "promote"; version: number } | { kind: "rollback"; alias: string } | null;

// GET /models/{name}: versions, aliases with their timelines, promote/rollback and what each
// version's training data did to its metrics.
export function ModelDetail({ initial, histories, canWrite, actor }: Props) {
  const { data: model = initial } = useModel(initial.name, initial);
  const params = useUrlParams();
  const selected = new Set((params.get("sel") ?? "").split(",").filter(Boolean).map(Number));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = (v: number) => {
    const next = new Set(selected);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    patchUrl({ sel: [...next].sort((a, b) => a - b).join(",") || null });
  };
  const compareUuids = model.versions.filter((v) => selected.has(v.version) && v.execution).map((v) => v.execution!.uuid);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <div className="text-xs text-slate-500">
            <Link href="/models" className="hover:underline">
              Models
            </Link>{" "}
            /
          </div>
          <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <span className="break-all">{model.name}</span>
            {model.aliases.map((a) => (
              <AliasBadge key={a.alias} alias={a.alias} version={a.version} />
            ))}
          </h1>
        </div>
        <span className="text-xs text-slate-500">
          {model.versions.length} versions · steering: <code className="font-mono">GET /api/v1/models/{"{name}"}/best?metric=test_loss</code>
        </span>
      </div>
      {!canWrite ? (
        <p className="rounded border border-slate-200 bg-slate-100 px-3 py-1.5 text-xs text-slate-600">Promote and rollback {NEEDS_WRITE}.</p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-1.5 text-xs text-emerald-800">
          {notice}
        </p>
      ) : null}

      <SectionTitle
        aside={
          <span className="flex items-center gap-2">
            <span>select versions to compare their training runs</span>
            {compareUuids.length >= 1 ? (
              <Link href={compareHref(compareUuids)} className="rounded bg-slate-900 px-2 py-0.5 text-white hover:bg-slate-700">
                Compare {compareUuids.length} selected
              </Link>
            ) : null}
          </span>
        }
      >
        Versions
      </SectionTitle>
      <VersionsTable model={model} selected={selected} onSelect={toggle} canWrite={canWrite} onPromote={(version) => setDialog({ kind: "promote", version })} />

      <SectionTitle aside="append-only: every promote, rollback and removal, with reason and actor">Alias timeline</SectionTitle>
      {model.aliases.length === 0 ? (
        <p className="text-xs text-slate-500">
          No alias is set{model.removedAliases.length > 0 ? " now" : ""}. Promote a version to {model.removedAliases.length > 0 ? "set one again or " : ""}create one (e.g. @deployed).
        </p>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-2">
        {model.aliases.map((a) => (
          <AliasTimeline
            key={a.alias}
            model={model.name}
            alias={a.alias}
            state={{ version: a.version }}
            initial={histories[a.alias]}
            canWrite={canWrite}
            onRollback={() => setDialog({ kind: "rollback", alias: a.alias })}
          />
        ))}
        {/* Removed aliases after the set ones: their history is fetched when shown. */}
        {model.removedAliases.map((r) => (
          <AliasTimeline key={`removed:${r.alias}`} model={model.name} alias={r.alias} state={{ removed: r }} initial={histories[r.alias]} canWrite={canWrite} />
        ))}
      </div>

      <SectionTitle aside="training datasets added (+), removed (−) or replaced (~) between successive versions">Dataset contributions</SectionTitle>
      <DatasetContributions model={model} />

      {dialog?.kind === "promote" ? <PromoteDialog model={model} version={dialog.version} actor={actor} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog?.kind === "rollback" ? <RollbackDialog model={model} alias={dialog.alias} actor={actor} onClose={() => setDialog(null)} onDone={done} /> : null}
    </div>
  );
}
