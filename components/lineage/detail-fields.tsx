import type { ReactNode } from "react";

// Label/value rows shared by the detail views.
export function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-2 px-3 py-0.5 text-xs">
      <dt className="text-slate-500">{label}</dt>
      <dd className={`min-w-0 break-all text-slate-800 ${mono ? "font-mono text-[11px]" : ""}`}>{children}</dd>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-100 py-1.5 first:border-t-0">
      <h3 className="px-3 pb-0.5 text-[10px] font-semibold uppercase tracking-wider text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

// Free-form JSON values as text (never markup).
export const showValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
