"use client";

import { useState } from "react";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: FormData) {
    setBusy(true);
    setError(null);
    const res = await fetch("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: String(form.get("token") ?? "").trim() }),
    });
    setBusy(false);
    if (res.ok) {
      window.location.assign(next);
      return;
    }
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setError(body?.error?.message ?? `sign-in failed (HTTP ${res.status})`);
  }

  return (
    <form action={submit} className="mt-4 space-y-3">
      <label className="block">
        <span className="text-xs font-medium text-slate-600">API token</span>
        <input
          name="token"
          type="password"
          autoComplete="off"
          required
          placeholder="pvs_…"
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm focus:border-sky-500 focus:outline-none"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {busy ? "Checking…" : "Sign in"}
      </button>
    </form>
  );
}
