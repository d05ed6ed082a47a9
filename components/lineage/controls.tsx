"use client";

import type { ReactNode } from "react";

// Small form controls of the lineage toolbar.

export function Segmented<T extends string>({ label, value, options, onChange }: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange(v: T): void;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex overflow-hidden rounded border border-slate-300 bg-white">
      {options.map(([v, text]) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={v === value}
          onClick={() => onChange(v)}
          className={`px-2 py-1 text-xs ${v === value ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"} border-l border-slate-300 first:border-l-0`}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

export function Stepper({ label, value, min, max, onChange, children }: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(v: number): void;
  children?: ReactNode;
}) {
  const set = (v: number) => onChange(Math.min(max, Math.max(min, v)));
  return (
    <div className="inline-flex items-center gap-1" role="group" aria-label={label}>
      <span className="text-xs text-slate-500">{children ?? label}</span>
      <div className="inline-flex overflow-hidden rounded border border-slate-300 bg-white">
        <button type="button" aria-label={`${label}: fewer`} disabled={value <= min} onClick={() => set(value - 1)} className="px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
          −
        </button>
        <output aria-label={label} className="min-w-6 border-x border-slate-300 px-1 py-0.5 text-center text-xs tabular-nums">
          {value}
        </output>
        <button type="button" aria-label={`${label}: more`} disabled={value >= max} onClick={() => set(value + 1)} className="px-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-30">
          +
        </button>
      </div>
    </div>
  );
}

export function ToolbarButton({ children, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...props}
      className={`rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-40 ${props.className ?? ""}`}
    >
      {children}
    </button>
  );
}
