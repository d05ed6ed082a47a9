"use client";

import { useState } from "react";
import type { CreatedToken } from "./types";

// The one time the secret is on screen. It lives only in this component's props: dismissing the
// notice (or reloading the page) loses it for good, as the server keeps only its hash.
export function NewTokenNotice({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  async function copy() {
    try {
      // Only in secure contexts (https or localhost); elsewhere people select and copy by hand.
      await navigator.clipboard.writeText(token.token);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <section aria-label="New token" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3">
      <h2 className="text-sm font-semibold text-amber-900">
        Token &lsquo;{token.name}&rsquo; ({token.scope}) created — copy it now, it will not be shown again
      </h2>
      <div className="mt-2 flex items-center gap-2">
        <input
          readOnly
          aria-label="Token secret"
          value={token.token}
          onFocus={(e) => e.currentTarget.select()}
          autoComplete="off"
          spellCheck={false}
          className="w-[32rem] rounded border border-amber-300 bg-white px-2 py-1 font-mono text-sm text-slate-900"
        />
        <button type="button" onClick={copy} className="rounded border border-amber-400 bg-white px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100">
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone} className="rounded bg-amber-900 px-2 py-1 text-xs font-medium text-white hover:bg-amber-800">
          I have stored it
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-900/80">
        {copied === "no" ? "Copying is blocked on this connection: select the text and copy it by hand. " : null}
        Use it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>, or <code className="font-mono">export PROVSCOPE_TOKEN=…</code> for the
        clients and the CLI. Only its SHA-256 hash is stored.
      </p>
    </section>
  );
}
