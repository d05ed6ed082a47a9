// Which way is "better" for a metric. Losses and errors go down, accuracies and scores go up; a
// metric whose name says neither has no direction (its deltas are shown, never coloured) until
// someone says which way it goes. Framework-free: the compare page and the registry share it.

export type Direction = "min" | "max";
export type Directions = Record<string, Direction | "none">;

const LOWER = /(loss|error|err$|mse|mae|rmse|nll|perplexity|latency|runtime|duration|_time$|^time|wall|memory|bytes|divergence)/i;
const HIGHER = /(acc|accuracy|f1|auc|precision|recall|r2|score|iou|dice|throughput|reward|ssim|psnr|skill)/i;

// `test_loss` → min, `val_accuracy` → max, `epochs` → null.
export function defaultDirection(key: string): Direction | null {
  if (LOWER.test(key)) return "min";
  if (HIGHER.test(key)) return "max";
  return null;
}

// Overrides win; "none" switches colouring off for a metric the name heuristics got wrong.
export function directionOf(key: string, overrides: Directions = {}): Direction | null {
  const o = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
  if (o === "none") return null;
  return o ?? defaultDirection(key);
}

// URL form: `dir=test_loss:min,epochs:max,wall:none` (keys may not contain ',' or ':' here).
export function parseDirections(text: string | null | undefined): Directions {
  const out: Directions = {};
  for (const part of (text ?? "").split(",")) {
    const at = part.lastIndexOf(":");
    if (at <= 0) continue;
    const value = part.slice(at + 1);
    if (value === "min" || value === "max" || value === "none") out[part.slice(0, at)] = value;
  }
  return out;
}

export function formatDirections(d: Directions): string {
  return Object.entries(d)
    .filter(([k]) => !k.includes(",") && !k.includes(":"))
    .map(([k, v]) => `${k}:${v}`)
    .join(",");
}
