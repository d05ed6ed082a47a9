"use client";

import { useState } from "react";
import { useAliasHistory } from "@/components/api/hooks/use-alias-history";
import { usePromoteAlias } from "@/components/api/hooks/use-promote-alias";
import { useRollbackAlias } from "@/components/api/hooks/use-rollback-alias";
import { previousVersion, replayAliasStack } from "@/lib/registry/alias-stack";
import { ApiErrorMessage } from "./api-error";
import { Modal } from "./modal";
import type { ModelDetail } from "./types";
import { WhatChanges } from "./what-changes";

type Common = { model: ModelDetail; actor: string; onClose: () => void; onDone: (message: string) => void };

// Promote a version to an alias: choose the alias, say why, see what changes, confirm.
export function PromoteDialog({ model, version, actor, onClose, onDone }: Common & { version: number }) {
  const existing = model.aliases.map((a) => a.alias);
  const [alias, setAlias] = useState(existing.includes("deployed") ? "deployed" : (existing[0] ?? "deployed"));
  const [reason, setReason] = useState("");
  const promote = usePromoteAlias(model.name);
  const current = model.aliases.find((a) => a.alias === alias)?.version;
  const from = model.versions.find((v) => v.version === current);
  const to = model.versions.find((v) => v.version === version);
  const validAlias = /^[A-Za-z0-9_.-]{1,64}$/.test(alias);
  const submit = () =>
    promote.mutate(
      { alias, body: { version, reason: reason.trim() } },
      { onSuccess: (r) => onDone(r.change ? `@${alias} now points at v${r.version}` : `@${alias} already pointed at v${r.version}; nothing recorded`) },
    );

  return (
    <Modal title={`Promote ${model.name} v${version}`} onClose={onClose}>
      <form className="space-y-3" onSubmit={(e) => (e.preventDefault(), submit())}>
        <label className="block text-xs">
          <span className="text-slate-600">Alias</span>
          <input
            list="alias-names"
            value={alias}
            onChange={(e) => setAlias(e.target.value.trim())}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono"
            aria-invalid={!validAlias}
          />
          <datalist id="alias-names">
            {[...existing, ...model.removedAliases.map((r) => r.alias)].map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          {!validAlias ? <span className="text-red-700">1 to 64 letters, digits or . _ -</span> : null}
        </label>
        <WhatChanges alias={alias} from={from} to={to} />
        <ReasonField reason={reason} setReason={setReason} actor={actor} />
        {promote.error ? <ApiErrorMessage error={promote.error} /> : null}
        <Buttons onClose={onClose} disabled={!validAlias || reason.trim() === "" || promote.isPending} label={promote.isPending ? "Promoting…" : `Promote to @${alias}`} />
      </form>
    </Modal>
  );
}

// Roll an alias back: to the version it pointed at before (the history replayed as a stack, as
// the server does) or to one chosen; say why, see what changes, confirm.
export function RollbackDialog({ model, alias, actor, onClose, onDone }: Common & { alias: string }) {
  const history = useAliasHistory(model.name, alias);
  const [choice, setChoice] = useState<number | "previous">("previous");
  const [reason, setReason] = useState("");
  const rollback = useRollbackAlias(model.name);
  const current = model.aliases.find((a) => a.alias === alias)?.version;
  const stack = history.data ? replayAliasStack(history.data.changes.map((c) => ({ action: c.action, toVersion: c.to }))) : [];
  if (current !== undefined && stack[stack.length - 1] !== current) stack.push(current);
  const previous = previousVersion(stack);
  const target = choice === "previous" ? previous : choice;
  const from = model.versions.find((v) => v.version === current);
  const to = model.versions.find((v) => v.version === target);
  const submit = () =>
    rollback.mutate(
      { alias, body: { reason: reason.trim(), ...(choice === "previous" ? {} : { version: choice }) } },
      { onSuccess: (r) => onDone(`@${alias} rolled back to v${r.version}`) },
    );

  return (
    <Modal title={`Roll back @${alias} of ${model.name}`} onClose={onClose}>
      <form className="space-y-3" onSubmit={(e) => (e.preventDefault(), submit())}>
        <label className="block text-xs">
          <span className="text-slate-600">Back to</span>
          <select
            value={String(choice)}
            onChange={(e) => setChoice(e.target.value === "previous" ? "previous" : Number(e.target.value))}
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
          >
            <option value="previous">{history.isPending ? "the previous version (loading history…)" : previous === null ? "the previous version (there is none)" : `the previous version (v${previous})`}</option>
            {model.versions
              .filter((v) => v.version !== current)
              .map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
          </select>
        </label>
        {target === null ? (
          <p className="rounded bg-amber-50 px-3 py-2 text-xs text-amber-800">@{alias} has no previous version in its history: choose a version above.</p>
        ) : (
          <WhatChanges alias={alias} from={from} to={to} />
        )}
        <ReasonField reason={reason} setReason={setReason} actor={actor} />
        {rollback.error ? <ApiErrorMessage error={rollback.error} /> : null}
        <Buttons onClose={onClose} disabled={target === null || reason.trim() === "" || rollback.isPending} label={rollback.isPending ? "Rolling back…" : target === null ? "Roll back" : `Roll back to v${target}`} />
      </form>
    </Modal>
  );
}

function ReasonField({ reason, setReason, actor }: { reason: string; setReason: (r: string) => void; actor: string }) {
  return (
    <label className="block text-xs">
      <span className="text-slate-600">Reason (required, kept in the alias history)</span>
      <textarea
        required
        maxLength={1000}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="e.g. v5 diverged in the coupled Phillips-Low run"
        className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
      />
      <span className="text-slate-400">recorded as {actor}</span>
    </label>
  );
}

function Buttons({ onClose, disabled, label }: { onClose: () => void; disabled: boolean; label: string }) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 text-xs text-slate-700 hover:bg-slate-50">
        Cancel
      </button>
      <button type="submit" disabled={disabled} className="rounded bg-slate-900 px-3 py-1 text-xs font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-300">
        {label}
      </button>
    </div>
  );
}
