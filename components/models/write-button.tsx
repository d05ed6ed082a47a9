"use client";

// Promote and rollback change what workflow drivers deploy, so they are offered only to a
// write-scope token; with a read token the button stays visible (so people learn it exists)
// but disabled, with the reason.
export const NEEDS_WRITE = "needs a write-scope token: you are signed in with a read-only token";

export function WriteButton({ canWrite, onClick, label }: { canWrite: boolean; onClick: () => void; label: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={!canWrite}
      title={canWrite ? undefined : NEEDS_WRITE}
      className="rounded border border-slate-300 bg-white px-2 py-0.5 text-[11px] text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-400"
    >
      {label}
    </button>
  );
}
