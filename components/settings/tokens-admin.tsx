"use client";

import { useState } from "react";
import { useRevokeToken } from "@/components/api/hooks/use-revoke-token";
import { useTokens } from "@/components/api/hooks/use-tokens";
import { useAddress } from "@/components/explore/use-address";
import { ApiErrorMessage } from "@/components/models/api-error";
import { Modal } from "@/components/models/modal";
import { Card } from "@/components/ui/card";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import { TokensTable } from "./tokens-table";
import type { CreatedToken, TokenRow } from "./types";

type Props = { initial: TokenRow[]; self: number | null; now: string };

// /settings/tokens: create (the secret shown once), list and revoke API tokens. `?revoked=1`
// lists revoked tokens too (they stay, as a record of who had access until when).
export function TokensAdmin({ initial, self, now }: Props) {
  const [address, patchAddress] = useAddress();
  const showRevoked = address.get("revoked") === "1";
  const tokens = useTokens(initial);
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [confirm, setConfirm] = useState<TokenRow | null>(null);

  const all = tokens.data ?? [];
  const shown = showRevoked ? all : all.filter((t) => !t.revokedAt);
  const revokedCount = all.length - all.filter((t) => !t.revokedAt).length;

  // Rewrites the address in place (the list is already loaded, so the server need not render the
  // page again); the checkbox follows at once, not when Next.js has caught up with the address.
  const toggleRevoked = () => patchAddress({ revoked: showRevoked ? null : "1" });

  function doRevoke(t: TokenRow) {
    revoke.mutate(t.id, {
      onSuccess: () => {
        setConfirm(null);
        // Revoking the session's own token signs this dashboard out.
        if (t.id === self) window.location.assign("/login");
      },
    });
  }

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">API tokens</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Tokens authenticate workflow clients, the CLI and this dashboard. Scopes: <b>read</b> &lt; <b>write</b> &lt; <b>admin</b>. Only a hash of each
          token is stored, so its secret is shown once, right after it is created. The CLI does the same:{" "}
          <code className="font-mono text-xs">provscope token create|list|revoke</code>.
        </p>
      </div>

      <Card title="New token">
        <CreateTokenForm onCreated={setCreated} />
      </Card>
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}

      <Card
        title={`Tokens (${shown.length})`}
        aside={
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={showRevoked} onChange={toggleRevoked} />
            show revoked ({revokedCount})
          </label>
        }
      >
        <TokensTable tokens={shown} self={self} now={new Date(now)} onRevoke={setConfirm} />
      </Card>

      {confirm ? (
        <Modal title={`Revoke token ${confirm.id}?`} onClose={() => setConfirm(null)}>
          <p>
            <b>{confirm.name}</b> ({confirm.scope}, {confirm.prefix}…) stops authenticating at once: every client using it gets 401 from its next request.
            This cannot be undone; create a new token instead.
          </p>
          {confirm.id === self ? <p className="mt-2 font-medium text-red-700">This dashboard is signed in with this token: revoking it signs you out.</p> : null}
          {revoke.isError ? (
            <div className="mt-2">
              <ApiErrorMessage error={revoke.error} />
            </div>
          ) : null}
          <div className="mt-3 flex justify-end gap-2">
            <button type="button" onClick={() => setConfirm(null)} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
              Cancel
            </button>
            <button
              type="button"
              onClick={() => doRevoke(confirm)}
              disabled={revoke.isPending}
              className="rounded bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-600 disabled:opacity-50"
            >
              {revoke.isPending ? "Revoking…" : "Revoke"}
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
