"use client";

import { formatAbsolute, formatRelative } from "@/components/ui/format";
import type { TokenRow } from "./types";

const SCOPE_STYLE: Record<TokenRow["scope"], string> = {
  read: "bg-slate-50 text-slate-700 ring-slate-500/20",
  write: "bg-sky-50 text-sky-800 ring-sky-600/20",
  admin: "bg-violet-50 text-violet-800 ring-violet-600/20",
};

function When({ iso, now }: { iso: string | null; now: Date }) {
  if (!iso) return <span className="text-slate-400">never</span>;
  const d = new Date(iso);
  return (
    <time dateTime={iso} title={formatAbsolute(d)} className="whitespace-nowrap">
      {formatRelative(d, now)}
    </time>
  );
}

// Every token with what an admin needs to decide on it: who it was for, what it may do, whether
// anyone still uses it. Never the secret: the prefix is what `provscope token list` shows too.
export function TokensTable({ tokens, self, now, onRevoke }: { tokens: TokenRow[]; self: number | null; now: Date; onRevoke: (t: TokenRow) => void }) {
  return (
    <table aria-label="API tokens" className="w-full text-xs">
      <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wider text-slate-500">
        <tr>
          <th className="px-3 py-2 text-right font-medium">Id</th>
          <th className="px-3 py-2 font-medium">Name</th>
          <th className="px-3 py-2 font-medium">Scope</th>
          <th className="px-3 py-2 font-medium">Token</th>
          <th className="px-3 py-2 font-medium">Created</th>
          <th className="px-3 py-2 font-medium">Last used</th>
          <th className="px-3 py-2 font-medium">State</th>
          <th className="px-3 py-2" />
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className={`border-t border-slate-100 ${t.revokedAt ? "text-slate-400" : "hover:bg-slate-50"}`}>
            <td className="px-3 py-1.5 text-right tabular-nums">{t.id}</td>
            <td className="max-w-[28rem] truncate px-3 py-1.5 font-medium" title={t.name}>
              {t.name}
              {t.id === self ? <span className="ml-2 rounded bg-slate-100 px-1 py-px text-[10px] font-normal text-slate-500">this session</span> : null}
            </td>
            <td className="px-3 py-1.5">
              <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${SCOPE_STYLE[t.scope]}`}>{t.scope}</span>
            </td>
            <td className="px-3 py-1.5 font-mono">{t.prefix}…</td>
            <td className="px-3 py-1.5">
              <When iso={t.createdAt} now={now} />
            </td>
            <td className="px-3 py-1.5">
              <When iso={t.lastUsedAt} now={now} />
            </td>
            <td className="px-3 py-1.5">
              {t.revokedAt ? (
                <span>
                  revoked <When iso={t.revokedAt} now={now} />
                </span>
              ) : (
                <span className="text-emerald-700">active</span>
              )}
            </td>
            <td className="px-3 py-1.5 text-right">
              {t.revokedAt ? null : (
                <button
                  type="button"
                  onClick={() => onRevoke(t)}
                  aria-label={`Revoke token ${t.id}`}
                  className="rounded border border-red-200 bg-white px-2 py-0.5 text-[11px] text-red-700 hover:bg-red-50"
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
