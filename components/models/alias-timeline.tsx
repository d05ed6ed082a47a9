"use client";

import { useAliasHistory, type AliasHistory } from "@/components/api/hooks/use-alias-history";
import { formatAbsolute } from "@/components/ui/format";
import { AliasBadge } from "./alias-badge";
import type { RemovedAlias } from "./types";
import { WriteButton } from "./write-button";

const DOT: Record<string, string> = { promote: "bg-emerald-500", rollback: "bg-amber-500", remove: "bg-slate-400" };
const VERB: Record<string, string> = { promote: "promoted", rollback: "rolled back", remove: "removed" };

type Props = {
  model: string;
  alias: string;
  // Where the alias points now, or how it was removed (an alias that is not set).
  state: { version: number } | { removed: RemovedAlias };
  initial?: AliasHistory;
  canWrite: boolean;
  onRollback?: () => void; // offered for an alias that is set
};

// One alias's append-only history: a track of the versions it pointed at (and where it was
// removed), then every change (newest first) with its reason, actor and time. A removed alias keeps
// its history; promoting a version to it sets it again.
export function AliasTimeline({ model, alias, state, initial, canWrite, onRollback }: Props) {
  const history = useAliasHistory(model, alias, initial);
  const changes = history.data?.changes ?? [];
  const removed = "removed" in state ? state.removed : null;
  return (
    <section aria-label={`alias ${alias}`} data-state={removed ? "removed" : "set"} className="rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-1.5">
        <div className="flex flex-wrap items-center gap-2">
          {removed ? <AliasBadge alias={alias} removed /> : <AliasBadge alias={alias} version={"version" in state ? state.version : undefined} />}
          <span className="text-xs text-slate-500">{changes.length === 1 ? "1 change" : `${changes.length} changes`}</span>
        </div>
        {removed ? (
          <span data-testid="removed-note" className="text-xs text-slate-500">
            removed{removed.lastVersion !== null ? ` from v${removed.lastVersion}` : ""} by {removed.actor} ·{" "}
            <time dateTime={removed.removedAt} className="tabular-nums">
              {formatAbsolute(new Date(removed.removedAt))}
            </time>{" "}
            · promote a version to set it again
          </span>
        ) : onRollback ? (
          <WriteButton canWrite={canWrite} onClick={onRollback} label="Roll back…" />
        ) : null}
      </header>
      {history.error ? <p className="px-3 py-2 text-xs text-red-700">{history.error.message}</p> : null}
      {history.isPending ? <p className="px-3 py-2 text-xs text-slate-400">loading the history…</p> : null}
      <ol aria-label={`track of ${alias}`} className="flex flex-wrap items-center gap-1 px-3 pt-2 text-[11px]">
        {changes.map((c, i) => {
          const last = i === changes.length - 1;
          return (
            <li key={c.id} className="flex items-center gap-1">
              {i > 0 ? <span className="text-slate-400">{c.action === "rollback" ? "↩" : "→"}</span> : null}
              {c.to === null ? (
                <span className={`rounded px-1.5 py-0.5 ${last ? "bg-slate-200 text-slate-700" : "bg-slate-100 text-slate-500"}`}>removed</span>
              ) : (
                <span className={`rounded px-1.5 py-0.5 font-mono ${last ? "bg-violet-100 text-violet-800" : "bg-slate-100 text-slate-600"}`}>v{c.to}</span>
              )}
            </li>
          );
        })}
      </ol>
      <ol aria-label={`history of ${alias}`} className="space-y-0 px-3 py-2">
        {[...changes].reverse().map((c) => (
          <li key={c.id} data-action={c.action} className="relative border-l border-slate-200 pb-2 pl-4 last:pb-0">
            <span aria-hidden className={`absolute -left-[5px] top-1 size-2.5 rounded-full ring-2 ring-white ${DOT[c.action] ?? "bg-slate-400"}`} />
            <div className="text-xs">
              <span className="font-medium text-slate-800">{VERB[c.action] ?? c.action}</span>{" "}
              <span className="font-mono text-slate-600">
                {c.from === null ? "unset" : `v${c.from}`} → {c.to === null ? "unset" : `v${c.to}`}
              </span>
              <span className="text-slate-400"> · {c.actor} · </span>
              <time dateTime={c.at} className="tabular-nums text-slate-500">
                {formatAbsolute(new Date(c.at))}
              </time>
            </div>
            <div className="text-xs italic text-slate-600">“{c.reason}”</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
