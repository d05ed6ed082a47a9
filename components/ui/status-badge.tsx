const STYLES: Record<string, string> = {
  RUNNING: "bg-blue-50 text-blue-700 ring-blue-600/20",
  COMPLETED: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  FAILED: "bg-red-50 text-red-700 ring-red-600/20",
};
const DOTS: Record<string, string> = { RUNNING: "bg-blue-500 animate-pulse", COMPLETED: "bg-emerald-500", FAILED: "bg-red-500" };

// The status text itself stays as stored (RUNNING | COMPLETED | FAILED), so it reads the same
// in the UI, the API and the filter language.
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] font-medium tracking-wide ring-1 ring-inset ${STYLES[status] ?? "bg-slate-50 text-slate-600 ring-slate-500/20"}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${DOTS[status] ?? "bg-slate-400"}`} />
      {status}
    </span>
  );
}

// Per-status text colours for counts shown outside a badge.
export const STATUS_TEXT = { RUNNING: "text-blue-700", COMPLETED: "text-emerald-700", FAILED: "text-red-700" } as const;
export const STATUS_BAR = { RUNNING: "bg-blue-500", COMPLETED: "bg-emerald-500", FAILED: "bg-red-500" } as const;
