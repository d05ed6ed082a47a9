import type { ReactNode } from "react";

// A bordered panel. `label` names it for assistive technology (and for tests that look a card up
// by its pipeline name); `title` is what people read in its header.
export function Card({ title, aside, label, children, className = "" }: {
  title?: ReactNode;
  aside?: ReactNode;
  label?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-label={label} className={`rounded-md border border-slate-200 bg-white shadow-xs ${className}`}>
      {title || aside ? (
        <header className="flex items-baseline justify-between gap-3 border-b border-slate-100 px-3 py-2">
          <div className="min-w-0 truncate text-sm font-semibold text-slate-800">{title}</div>
          {aside ? <div className="shrink-0 text-xs text-slate-500">{aside}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <section aria-label={label} className="rounded-md border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <div className="text-[11px] font-medium uppercase tracking-wider text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</div>
      {detail ? <div className="mt-0.5 text-xs text-slate-500">{detail}</div> : null}
    </section>
  );
}

export function SectionTitle({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="mb-2 mt-6 flex items-baseline justify-between">
      <h2 className="text-xs font-semibold uppercase tracking-wider text-slate-500">{children}</h2>
      {aside ? <div className="text-xs text-slate-500">{aside}</div> : null}
    </div>
  );
}
