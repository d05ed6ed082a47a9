// URLs of other views, in one place. The lineage explorer and the artifact page are built
// elsewhere; these are their public addresses.

export const executionHref = (uuid: string) => `/executions/${encodeURIComponent(uuid)}`;
export const artifactHref = (id: number) => `/artifacts/${id}`;
export const lineageHref = (node: { execution: string } | { artifact: number }) =>
  `/lineage?node=${encodeURIComponent("execution" in node ? `execution:${node.execution}` : `artifact:${node.artifact}`)}`;
export const compareHref = (uuids: readonly string[], extra: Record<string, string> = {}) => {
  const q = new URLSearchParams({ executions: uuids.join(","), ...extra });
  return `/compare?${q.toString().replace(/%2C/g, ",")}`;
};
export const modelHref = (name: string) => `/models/${encodeURIComponent(name)}`;

// "sha256:9f86d081884c7d65…" → "sha256:9f86d081"; the full hash is one hover away.
export function shortHash(hash: string): string {
  const at = hash.indexOf(":");
  const body = at >= 0 ? hash.slice(at + 1) : hash;
  return body.length > 12 ? `${at >= 0 ? hash.slice(0, at + 1) : ""}${body.slice(0, 12)}…` : hash;
}

// Route params may arrive percent-encoded; text that is not valid encoding is taken as it is.
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
