import type { ExecutionRow } from "@/components/api/hooks/use-execution-pages";

// The explorer's columns, framework-free: ids, which API sort field each maps to, sensible
// defaults from the data present, and how a cell's value is read from a row.

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export const BUILTIN_COLUMNS = ["name", "pipeline", "stage", "status", "startedAt", "duration", "endedAt", "uuid"] as const;
export type BuiltinColumn = (typeof BUILTIN_COLUMNS)[number];

export const BUILTIN_LABEL: Record<BuiltinColumn, string> = {
  name: "Name", pipeline: "Pipeline", stage: "Stage", status: "Status", startedAt: "Started (UTC)", duration: "Duration", endedAt: "Ended (UTC)", uuid: "UUID",
};

const isBuiltin = (id: string): id is BuiltinColumn => (BUILTIN_COLUMNS as readonly string[]).includes(id);
export const isColumnId = (id: string) => isBuiltin(id) || /^(params|metrics)\..+/.test(id);

// The API sorts by these fields; duration and uuid are not sortable there.
export function sortFieldOf(column: string): string | null {
  if (column === "duration" || column === "uuid") return null;
  return column;
}

export type Sort = { field: string; desc: boolean };

export function parseSort(sort: string): Sort {
  const desc = sort.startsWith("-") || sort.endsWith(":desc");
  return { field: sort.replace(/^-/, "").replace(/:(asc|desc)$/, ""), desc };
}

export const formatSort = (s: Sort) => `${s.desc ? "-" : ""}${s.field}`;

// Clicking the sorted column flips it; another column starts in the direction people usually want
// (newest first for times, largest first for sizes and counts, A→Z for text, smallest first for metrics such
// as losses).
export function nextSort(current: Sort, field: string): Sort {
  if (current.field === field) return { field, desc: !current.desc };
  return { field, desc: /At$/.test(field) || field === "size" || field === "versions" };
}

// Keys present in the loaded rows, most frequent first (ties alphabetically).
function frequent(rows: readonly ExecutionRow[], pick: (r: ExecutionRow) => string[], max: number): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const k of pick(r)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([k]) => k);
}

// Leaf keys of a params object, dotted the way the filter language names them.
export function paramKeys(params: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(params).flatMap(([k, v]) =>
    isObject(v) ? paramKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

// With no rows to look at (nothing loaded yet, or a filter matching nothing) the first keys known
// to exist stand in, so the columns do not jump while the filter is edited.
export function defaultColumns(
  rows: readonly ExecutionRow[],
  scope: { pipeline?: string; stage?: string },
  known: { metrics: string[]; params: string[] } = { metrics: [], params: [] },
): string[] {
  const metrics = rows.length ? frequent(rows, (r) => Object.keys(r.metrics), 4) : known.metrics.slice(0, 4);
  const params = rows.length ? frequent(rows, (r) => paramKeys(r.params), 3) : known.params.slice(0, 3);
  return [
    "name",
    ...(scope.pipeline ? [] : ["pipeline"]),
    ...(scope.stage ? [] : ["stage"]),
    "status",
    "startedAt",
    "duration",
    ...metrics.map((k) => `metrics.${k}`),
    ...params.map((k) => `params.${k}`),
  ];
}

// A param by its dotted key. Keys may themselves contain dots, so every split is tried.
export function paramValue(params: Record<string, unknown>, key: string): unknown {
  if (hasOwn(params, key)) return params[key];
  for (let i = key.indexOf("."); i > 0; i = key.indexOf(".", i + 1)) {
    const head = hasOwn(params, key.slice(0, i)) ? params[key.slice(0, i)] : undefined;
    const found = isObject(head) ? paramValue(head, key.slice(i + 1)) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

export function metricValue(row: ExecutionRow, key: string): number | string | undefined {
  return hasOwn(row.metrics, key) ? row.metrics[key] : undefined;
}

export function columnLabel(id: string): string {
  return isBuiltin(id) ? BUILTIN_LABEL[id] : id;
}
