// An alias and the version it points at, e.g. "deployed → v3".
export function AliasBadge({ alias, version }: { alias: string; version?: number }) {
  return (
    <span data-alias={alias} className="inline-flex items-center gap-1 rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium text-violet-800 ring-1 ring-inset ring-violet-600/20">
      @{alias}
      {version !== undefined ? <span className="font-mono text-violet-600">v{version}</span> : null}
    </span>
  );
}
