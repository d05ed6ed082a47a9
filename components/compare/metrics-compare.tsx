"use client";

import type { ReactNode } from "react";
import type { MetricValue } from "@/lib/compare/metric-delta";
import { directionOf, type Direction, type Directions } from "@/lib/compare/metric-direction";
import { ColumnHeads } from "./column-header";
import { DirectionToggle } from "./direction-toggle";
import type { Column } from "./types";
import { ValueCell } from "./value-cell";

type Props = {
  title: string;
  label: string;
  columns: Column[];
  keys: string[];
  value: (column: Column, key: string) => { value: MetricValue; note?: string };
  directions: Directions;
  onDirection: (key: string, d: Direction | "none") => void;
  children?: ReactNode; // controls in the header
  empty?: string;
};

// Metrics as rows, executions as columns, each value with its delta against the baseline.
export function MetricsCompare({ title, label, columns, keys, value, directions, onDirection, children, empty = "nothing logged" }: Props) {
  const base = columns.find((c) => c.baseline) ?? columns[0];
  return (
    <section aria-label={label} className="rounded-md border border-slate-200 bg-white shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-3 py-1.5">
        <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
        <div className="flex items-center gap-3 text-xs text-slate-500">{children}</div>
      </header>
      {keys.length === 0 ? (
        // No rows: no 50-column header either, just the hint.
        <p className="px-3 py-2 text-xs text-slate-400">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-label={label} className="w-full text-xs">
            <ColumnHeads columns={columns} first="metric" />
            <tbody>
              {keys.map((k) => {
                const dir = directionOf(k, directions);
                const b = value(base, k).value;
                return (
                  <tr key={k} data-metric={k} className="border-t border-slate-100">
                    <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-normal">
                      <div className="font-mono text-slate-700">{k}</div>
                      <DirectionToggle metric={k} direction={dir} onChange={(d) => onDirection(k, d)} />
                    </th>
                    {columns.map((c) => {
                      const v = value(c, k);
                      return <ValueCell key={c.execution.uuid} value={v.value} note={v.note} baseline={b} direction={dir} isBaseline={c === base} />;
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
