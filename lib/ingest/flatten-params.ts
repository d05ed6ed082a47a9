// Params become one typed row per leaf so the filter language can compare them in SQL:
// {optimizer: {lr: 0.1}} is filterable as params.optimizer.lr.

export type ParamRow = { key: string; value: string; num: number | null; str: string | null };

export function flattenParams(params: Record<string, unknown>, prefix = ""): ParamRow[] {
  const rows: ParamRow[] = [];
  for (const [k, v] of Object.entries(params)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      rows.push(...flattenParams(v as Record<string, unknown>, key));
      continue;
    }
    rows.push({
      key,
      value: JSON.stringify(v),
      num: typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : null,
      str: typeof v === "string" ? v : null,
    });
  }
  return rows;
}
