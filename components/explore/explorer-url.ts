import type { ArtifactScope } from "@/components/api/hooks/use-artifact-pages";
import type { ModelScope } from "@/components/api/hooks/use-model-pages";
import { ARTIFACT_TYPES } from "@/lib/schemas/ingest";
import { MODEL_SORT } from "@/lib/schemas/registry";
import { isColumnId } from "./columns";

// The explorer's whole view lives in the address, so a reload or a pasted link restores it:
// /executions?pipeline=&stage=&filter=&sort=&cols=a,b&sel=uuid1,uuid2&stall=300

export type ExplorerView = {
  pipeline?: string;
  stage?: string;
  filter: string;
  sort: string;
  cols: string[] | null; // null: the defaults for the data present
  sel: string[];
  stall?: number;
};

export const DEFAULT_SORT = "-startedAt";
// The first page is small so it answers fast; later pages are large so scrolling needs few requests.
export const FIRST_PAGE = 100;
export const NEXT_PAGE = 500;
const SORT = /^-?(name|status|stage|pipeline|startedAt|endedAt|metrics\.[A-Za-z0-9_.\-/]+|params\.[A-Za-z0-9_.\-/]+)(:(asc|desc))?$/;

const list = (s: string | null) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean);

export function readView(params: { get(name: string): string | null }): ExplorerView {
  const sort = params.get("sort") ?? "";
  const cols = list(params.get("cols")).filter(isColumnId);
  const stall = Number(params.get("stall"));
  return {
    pipeline: params.get("pipeline") || undefined,
    stage: params.get("stage") || undefined,
    filter: params.get("filter") ?? "",
    // A hand-edited address with a sort the API refuses falls back instead of failing the page.
    sort: SORT.test(sort) ? sort : DEFAULT_SORT,
    cols: cols.length ? [...new Set(cols)] : null,
    sel: [...new Set(list(params.get("sel")))],
    stall: Number.isInteger(stall) && stall > 0 ? stall : undefined,
  };
}

// A hand-edited address may carry a longer text than the API takes (200 characters): the page
// shows what its first 200 find instead of failing.
const textFilter = (params: { get(name: string): string | null }) => params.get("q")?.trim().slice(0, 200).trim() || undefined;

// /artifacts?type=&q=&sort=
const ARTIFACT_SORT = /^-?(name|type|createdAt|size|uri)(:(asc|desc))?$/;
export function readArtifactScope(params: { get(name: string): string | null }): ArtifactScope {
  const type = params.get("type") ?? "";
  const sort = params.get("sort") ?? "";
  return {
    type: (ARTIFACT_TYPES as readonly string[]).includes(type) ? type : undefined,
    q: textFilter(params),
    sort: ARTIFACT_SORT.test(sort) ? sort : "-createdAt",
  };
}

// /models?q=&sort=
export function readModelScope(params: { get(name: string): string | null }): ModelScope {
  const sort = params.get("sort") ?? "";
  return { q: textFilter(params), sort: MODEL_SORT.test(sort) ? sort : "name" };
}

// Rewrites the address in place: no navigation, no server round trip. Next.js keeps
// useSearchParams in step with history.replaceState — but only when the state passed is not its
// own (a state carrying Next's internal marker is taken for the router's own call and not synced),
// so the state is null. Commas stay readable in a shared link.
export function patchAddress(patch: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === "") next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString().replace(/%2C/g, ",");
  window.history.replaceState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}`);
  return next;
}
