"use client";

import { useState, type FormEvent } from "react";
import { useCreateToken } from "@/components/api/hooks/use-create-token";
import { ApiErrorMessage } from "@/components/models/api-error";
import type { CreatedToken, TokenRow } from "./types";

const SCOPES: Array<{ scope: TokenRow["scope"]; hint: string }> = [
  { scope: "read", hint: "browse and query" },
  { scope: "write", hint: "ingest, promote, roll back" },
  { scope: "admin", hint: "also manage tokens, back up" },
];

// Name and scope in, the new token out (to the parent, which shows the secret once). The form
// never submits itself: without this script it does nothing, so a secret can never end up in a URL.
export function CreateTokenForm({ onCreated }: { onCreated: (t: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenRow["scope"]>("write");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), scope },
      {
        onSuccess: (t) => {
          setName("");
          onCreated(t);
        },
      },
    );
  }

  return (
    <form method="post" onSubmit={submit} aria-label="Create a token" className="flex flex-wrap items-end gap-3 px-3 py-3">
      <label className="block">
        <span className="text-[11px] font-medium uppercase tracking-wider text-slate-500">Name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={256}
          autoComplete="off"
          placeholder="e.g. cl-eke workflow on frontier"
          className="mt-1 block w-80 rounded border border-slate-300 px-2 py-1 text-sm focus:border-sky-500 focus:outline-none"
        />
      </label>
      <div role="radiogroup" aria-labelledby="token-scope-label">
        <span id="token-scope-label" className="text-[11px] font-medium uppercase tracking-wider text-slate-500">
          Scope
        </span>
        <div className="mt-1 flex h-[30px] items-center gap-3">
          {SCOPES.map((s) => (
            <label key={s.scope} className="flex items-center gap-1.5 text-sm" title={s.hint}>
              <input type="radio" name="scope" value={s.scope} checked={scope === s.scope} onChange={() => setScope(s.scope)} />
              <span className="font-medium">{s.scope}</span>
              <span className="text-xs text-slate-400">{s.hint}</span>
            </label>
          ))}
        </div>
      </div>
      <button
        type="submit"
        disabled={create.isPending || name.trim() === ""}
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      {create.isError ? (
        <div className="w-full">
          <ApiErrorMessage error={create.error} />
        </div>
      ) : null}
    </form>
  );
}
