import { z } from "zod";
import { LIMITS } from "./limits";

// Shared fragments for every payload and query string.

export const MAX_NAME = LIMITS.nameChars;
export const MAX_PROPERTY_DEPTH = LIMITS.propertyDepth;
const MAX_KEY = LIMITS.propertyKeyChars;

export const name = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_NAME, `must be at most ${MAX_NAME} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");

export const clientId = z
  .string()
  .min(1, "must not be empty")
  .max(LIMITS.clientIdChars, `must be at most ${LIMITS.clientIdChars} characters`)
  .regex(/^[A-Za-z0-9._:-]+$/, "may contain only letters, digits and . _ : -");

export const isoTime = z.iso.datetime({ offset: true, message: "must be an ISO-8601 time such as 2026-11-22T10:00:00Z" });

// Values that JSON cannot carry as numbers travel as these strings.
export const NON_FINITE = ["NaN", "Infinity", "-Infinity"] as const;
export const metricValue = z.union([z.number(), z.enum(NON_FINITE)], {
  error: 'must be a number or one of "NaN", "Infinity", "-Infinity"',
});

function depth(value: unknown, level = 0): number {
  if (level > MAX_PROPERTY_DEPTH) return level;
  if (value === null || typeof value !== "object") return level;
  let deepest = level + 1;
  for (const v of Object.values(value)) deepest = Math.max(deepest, depth(v, level + 1));
  return deepest;
}

// Free-form JSON objects (params, properties, facets): bounded nesting, bounded keys, no
// prototype keys. Checked on the raw parsed JSON, because copying an object through a schema would
// silently turn an own "__proto__" key into a prototype change.
export const jsonObject = z
  .unknown()
  .superRefine((v, ctx) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      ctx.addIssue({ code: "custom", message: "must be a JSON object" });
    } else if (depth(v) > MAX_PROPERTY_DEPTH) {
      ctx.addIssue({ code: "custom", message: `must be nested at most ${MAX_PROPERTY_DEPTH} levels deep` });
    } else if (hasPrototypeKey(v)) {
      ctx.addIssue({ code: "custom", message: "must not use the keys __proto__, constructor or prototype" });
    } else if (hasLongKey(v)) {
      ctx.addIssue({ code: "custom", message: `keys must be at most ${MAX_KEY} characters` });
    }
  })
  .transform((v) => v as Record<string, unknown>);

function hasLongKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => k.length > MAX_KEY || hasLongKey(v));
}

function hasPrototypeKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") return true;
    if (hasPrototypeKey(v)) return true;
  }
  return false;
}

export const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
