import type { NodeRef } from "@/lib/schemas/lineage";

// Addresses of the views the lineage explorer links to. `/lineage?node=…` is the explorer's own
// format (lib/schemas/lineage-view.ts); pages elsewhere link to it with lineageHref.

export const executionHref = (uuid: string) => `/executions/${encodeURIComponent(uuid)}`;
export const artifactHref = (id: number) => `/artifacts/${id}`;
export const modelHref = (name: string) => `/models/${encodeURIComponent(name)}`;
export const compareHref = (uuids: readonly string[]) => `/compare?executions=${uuids.map(encodeURIComponent).join(",")}`;
export const lineageHref = (node: string) => `/lineage?node=${encodeURIComponent(node)}`;
export const provExportHref = (node: string, asOf?: string) =>
  `/api/v1/lineage/export?format=prov&node=${encodeURIComponent(node)}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ""}`;

// The page of a lineage node id ("artifact:7" -> /artifacts/7, "execution:x" -> /executions/x).
export function nodePageHref(id: string): string | null {
  if (id.startsWith("artifact:")) return artifactHref(Number(id.slice(9)));
  if (id.startsWith("execution:")) return executionHref(id.slice(10));
  return null;
}

export const refOf = (id: string): NodeRef | null =>
  id.startsWith("artifact:") ? { kind: "artifact", id: Number(id.slice(9)) } : id.startsWith("execution:") ? { kind: "execution", uuid: id.slice(10) } : null;

// 1234567 -> "1.2 MB"
export function formatBytes(n: number | null): string {
  if (n === null) return "–";
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}
