import {
  DEFAULT_CLUSTER_SIZE,
  DEFAULT_MAX_NODES,
  formatExpansion,
  lineageView,
  type Expansion,
  type LineageView,
} from "@/lib/schemas/lineage-view";

// The explorer's view state <-> its query string (the format is documented in
// lib/schemas/lineage-view.ts). Defaults are left out so addresses stay short.

export type ParsedView = { ok: true; view: LineageView } | { ok: false; message: string };

// Next's searchParams object (a value may repeat) or the browser's URLSearchParams.
export function searchRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export function parseView(record: Record<string, string | string[] | undefined>): ParsedView {
  const r = lineageView.safeParse(record);
  if (r.success) return { ok: true, view: r.data };
  const issue = r.error.issues[0];
  return { ok: false, message: `${issue.path.join(".") || "query"}: ${issue.message}` };
}

export function viewSearch(v: LineageView): string {
  const q = new URLSearchParams();
  if (v.node) q.set("node", v.node);
  if (v.up !== 1) q.set("up", String(v.up));
  if (v.down !== 1) q.set("down", String(v.down));
  if (v.mode !== "all") q.set("mode", v.mode);
  if (v.group !== "none") q.set("group", v.group);
  if (v.asOf) q.set("asOf", v.asOf);
  if (v.sel) q.set("sel", v.sel);
  for (const e of v.exp) q.append("exp", formatExpansion(e));
  for (const o of v.open) q.append("open", o);
  if (v.cluster !== DEFAULT_CLUSTER_SIZE) q.set("cluster", String(v.cluster));
  if (v.max !== DEFAULT_MAX_NODES) q.set("max", String(v.max));
  if (v.table) q.set("table", "1");
  return q.toString();
}

export const viewHref = (v: LineageView) => `/lineage?${viewSearch(v)}`;

// A fresh view focused on one node, keeping the display preferences of the current one.
export function refocus(v: LineageView, node: string): LineageView {
  return { ...v, node, sel: node, exp: [], open: [], up: 1, down: 1 };
}

// Adds a lazy expansion unless the same one is already there.
export function withExpansion(v: LineageView, e: Expansion): LineageView {
  const key = formatExpansion(e);
  if (v.exp.some((x) => formatExpansion(x) === key)) return v;
  return { ...v, exp: [...v.exp, e] };
}

export function withOpen(v: LineageView, ids: string[]): LineageView {
  const open = [...v.open];
  for (const id of ids) if (!open.includes(id)) open.push(id);
  return { ...v, open };
}

// One lineage request of the view; `key` identifies it for caching and merging.
export type LineageRequest = { key: string; node: string; direction: "up" | "down"; depth: number; asOf?: string; maxNodes: number };

const request = (v: LineageView, node: string, direction: "up" | "down", depth: number): LineageRequest => ({
  key: `${direction}${depth}:${node}@${v.asOf ?? "now"}#${v.max}`,
  node,
  direction,
  depth,
  asOf: v.asOf,
  maxNodes: v.max,
});

// The requests whose merged answers make up the view: the focus up and down, then every
// expansion in the order it was made (later answers refine earlier ones).
export function viewRequests(v: LineageView): LineageRequest[] {
  if (!v.node) return [];
  const out: LineageRequest[] = [];
  if (v.up > 0) out.push(request(v, v.node, "up", v.up));
  if (v.down > 0) out.push(request(v, v.node, "down", v.down));
  for (const e of v.exp) out.push(request(v, e.node, e.direction, e.depth));
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.key) && seen.add(r.key));
}

export const requestQuery = (r: LineageRequest) => ({
  node: r.node,
  direction: r.direction,
  depth: r.depth,
  asOf: r.asOf,
  maxNodes: r.maxNodes,
});
