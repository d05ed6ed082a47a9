import Link from "next/link";
import { executionHref } from "@/components/executions/links";
import type { Column } from "./types";

// The head of one execution's column in every compare table. Its links do not prefetch: with up to
// 50 executions that was 50 page renders asked of the server while the curves were being drawn.
export function ColumnHeads({ columns, first }: { columns: Column[]; first: string }) {
  return (
    <thead className="bg-slate-50 text-left text-[11px] text-slate-500">
      <tr>
        <th scope="col" className="sticky left-0 z-10 min-w-40 bg-slate-50 px-3 py-1.5 font-medium uppercase tracking-wider">
          {first}
        </th>
        {columns.map((c) => (
          <th key={c.execution.uuid} scope="col" className={`min-w-32 px-3 py-1.5 font-medium ${c.baseline ? "bg-sky-50" : ""}`}>
            <span className="flex items-center gap-1.5">
              <span aria-hidden className="inline-block size-2 shrink-0 rounded-full" style={{ background: c.color }} />
              <Link href={executionHref(c.execution.uuid)} prefetch={false} className="max-w-48 truncate text-slate-800 hover:underline" title={c.execution.uuid}>
                {c.execution.name}
              </Link>
            </span>
            {c.baseline ? <span className="text-[10px] uppercase tracking-wider text-sky-700">baseline</span> : null}
          </th>
        ))}
      </tr>
    </thead>
  );
}
