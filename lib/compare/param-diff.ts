// Params side by side: nested objects flattened to dotted keys, one row per key across all
// executions, and whether the row differs (so "only differences" is one filter).

export type ParamRow = { key: string; values: Array<string | undefined>; differs: boolean };

// {"opt": {"lr": 0.1}} → {"opt.lr": 0.1}; arrays stay whole (a list of layer sizes is one value).
export function flattenParams(obj: Record<string, unknown>, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0) {
      flattenParams(v as Record<string, unknown>, key, out);
    } else out[key] = v;
  }
  return out;
}

// Strings show as they are; everything else as JSON, so 1 and "1" stay distinguishable.
export const displayParam = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

export function paramRows(params: Array<Record<string, unknown>>): ParamRow[] {
  const flat = params.map((p) => flattenParams(p));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const values = flat.map((f) => (Object.hasOwn(f, key) ? displayParam(f[key]) : undefined));
    // A key missing from one execution differs from one that has it.
    const differs = values.some((v) => v !== values[0]);
    return { key, values, differs };
  });
}
