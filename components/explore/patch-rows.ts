import type { ExecutionPages, ExecutionRow } from "@/components/api/hooks/use-execution-pages";

// Live updates patch the rows already loaded instead of refetching pages. Framework-free.

export type RowPatch = Pick<ExecutionRow, "status" | "endedAt" | "metrics">;

const sameMetrics = (a: ExecutionRow["metrics"], b: ExecutionRow["metrics"]) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
};

// The pages with each patched row replaced; the very same object when nothing changed, so React
// renders nothing.
export function patchPages(data: ExecutionPages, patches: ReadonlyMap<string, RowPatch>): ExecutionPages {
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const executions = page.executions.map((row) => {
      const p = patches.get(row.uuid);
      if (!p || (p.status === row.status && p.endedAt === row.endedAt && sameMetrics(p.metrics, row.metrics))) return row;
      pageChanged = true;
      return { ...row, status: p.status, endedAt: p.endedAt, metrics: p.metrics };
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, executions };
  });
  return changed ? { ...data, pages } : data;
}

// The executions worth watching: RUNNING rows nearest the rows in view, at most `max`.
export function rowsToWatch(rows: readonly ExecutionRow[], window: { start: number; end: number }, max = 200): string[] {
  const middle = (window.start + window.end) / 2;
  return rows
    .map((r, i) => ({ r, d: Math.abs(i - middle) }))
    .filter(({ r }) => r.status === "RUNNING")
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map(({ r }) => r.uuid)
    .sort();
}
