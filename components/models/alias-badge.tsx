// An alias and the version it points at, e.g. "deployed → v3"; or an alias that was removed.
export function AliasBadge({ alias, version, removed = false }: { alias: string; version?: number; removed?: boolean }) {
  if (removed) {
    return (
      <span data-alias={alias} data-removed="true" className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-500 ring-1 ring-inset ring-slate-400/30">
        <span className="line-through">@{alias}</span>
        <span>removed</span>
      </span>
    );
  }
  return (
    <span data-alias={alias} className="inline-flex items-center gap-1 rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium text-violet-800 ring-1 ring-inset ring-violet-600/20">
      @{alias}
      {version !== undefined ? <span className="font-mono text-violet-600">v{version}</span> : null}
    </span>
  );
}
