"use client";

import Link from "next/link";
import { compareHref, executionHref, lineageHref } from "@/components/executions/links";
import { MAX_COMPARED } from "@/lib/schemas/compare";

// What to do with the selected executions: compare them (params, metrics, overlaid charts), open
// their charts, or follow one through the lineage graph.
export function SelectionBar({ selected, onClear }: { selected: readonly string[]; onClear: () => void }) {
  if (selected.length === 0) return null;
  const one = selected.length === 1;
  const tooMany = selected.length > MAX_COMPARED;
  const action = "rounded border border-sky-300 bg-white px-2 py-0.5 font-medium text-sky-800 hover:bg-sky-100";
  const disabled = "rounded border border-slate-200 px-2 py-0.5 text-slate-400";
  return (
    <div role="toolbar" aria-label="Selected executions" className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-xs text-sky-900">
      <span className="font-medium">{selected.length} selected</span>
      {tooMany ? (
        <span className={disabled} title={`compare at most ${MAX_COMPARED} at a time`}>
          Compare
        </span>
      ) : (
        <Link href={compareHref(selected)} className={action}>
          Compare{one ? "…" : ` ${selected.length}`}
        </Link>
      )}
      {tooMany ? null : (
        <Link href={one ? `${executionHref(selected[0])}#charts` : `${compareHref(selected)}#charts`} className={action}>
          Charts
        </Link>
      )}
      {one ? (
        <Link href={lineageHref({ execution: selected[0] })} className={action}>
          Lineage
        </Link>
      ) : (
        <span className={disabled} title="the lineage explorer follows one execution; select just one">
          Lineage
        </span>
      )}
      <button type="button" onClick={onClear} className="ml-auto text-sky-700 hover:underline">
        clear selection
      </button>
    </div>
  );
}
