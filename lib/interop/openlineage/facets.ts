import { MAX_NAME, MAX_PROPERTY_DEPTH } from "../../schemas/common";
import { isObject, type Facets } from "./schema";
import { sha256 } from "./names";

// Facets are kept verbatim in execution and artifact `properties`, which the ingest ops bound to
// MAX_PROPERTY_DEPTH levels, keys of at most MAX_NAME characters and no prototype keys. A facet
// that does not fit where it is stored (column lineage, nested schemas) is kept as its JSON text
// instead: nothing is dropped, and a reader recognises it as a string where an object was expected.

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

// Depth as lib/schemas/common.ts counts it: every object or array is one level.
function depthOf(v: unknown, level = 0): number {
  if (v === null || typeof v !== "object") return level;
  if (level > MAX_PROPERTY_DEPTH) return level + 1;
  let deepest = level + 1;
  for (const child of Object.values(v)) deepest = Math.max(deepest, depthOf(child, level + 1));
  return deepest;
}

function keysFit(v: unknown): boolean {
  if (v === null || typeof v !== "object") return true;
  for (const [k, child] of Object.entries(v)) {
    if (FORBIDDEN.has(k) || k.length > MAX_NAME || !keysFit(child)) return false;
  }
  return true;
}

// `level` is the nesting level the value itself will occupy (the properties object is level 1).
export function fitValue(v: unknown, level: number): unknown {
  return depthOf(v) + level - 1 <= MAX_PROPERTY_DEPTH && keysFit(v) ? v : JSON.stringify(v);
}

// A facet name usable as a property key; names that cannot be keys keep a readable, unique form.
export function safeKey(k: string): string {
  if (FORBIDDEN.has(k)) return `${k}_`;
  if (k.length <= MAX_NAME) return k;
  return `${k.slice(0, MAX_NAME - 14)}…#${sha256(k).slice(0, 12)}`;
}

const deleted = (facet: unknown) => isObject(facet) && facet._deleted === true;

// Merges the facets of a new event over those stored from earlier events of the same run, job or
// dataset: a facet sent again replaces the old one (like Marquez), `_deleted: true` removes it
// (`_deleted: null`, which some producers send, counts as not deleted). `level` is where the facet
// map sits in the properties object.
export function mergeFacets(previous: unknown, incoming: Facets | undefined, level: number): Facets | undefined {
  const out: Facets = {};
  if (isObject(previous)) for (const [k, v] of Object.entries(previous)) out[safeKey(k)] = v;
  for (const [k, v] of Object.entries(incoming ?? {})) {
    const key = safeKey(k);
    if (deleted(v)) delete out[key];
    else out[key] = fitValue(v, level + 1);
  }
  return Object.keys(out).length ? out : undefined;
}
