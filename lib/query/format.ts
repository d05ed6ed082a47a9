import { formatValue } from "../metrics/chunk-codec";

// Shapes shared by every read endpoint.

export type MetricRow = { key: string; value: number | null; special: string | null };

export function metricsObject(rows: MetricRow[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const r of rows) out[r.key] = r.value ?? r.special ?? "NaN";
  return out;
}

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const sizeNumber = (size: bigint | null) => (size === null ? null : Number(size));

export { formatValue };
