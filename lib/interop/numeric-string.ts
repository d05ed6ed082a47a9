// CMF sends float params as strings ("0.2") and MLflow sends every param as a string. Turning them
// into numbers makes `params.lr < 0.01` work in the filter language, but only when nothing is
// lost: the string must be exactly what JavaScript prints for that number, so "0.2" and "64"
// convert while "0.20", "1.0", "1e-5", "007", "0x10" and 20-digit ids keep their text (a version
// string "1.0" stays a version string, and the original text can always be given back).

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export function numberIfUnambiguous(value: unknown): unknown {
  if (typeof value !== "string" || !DECIMAL.test(value)) return value;
  const n = Number(value);
  return Number.isFinite(n) && String(n) === value ? n : value;
}

// For metric values, where only a number makes sense: any finite decimal text is accepted.
export function finiteNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const n = Number(value.trim());
  return Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) ? n : null;
}

// Params travel as JSON values; MLflow hands them back as text.
export function paramText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "null";
}
