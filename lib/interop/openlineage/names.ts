import { createHash } from "node:crypto";
import { MAX_NAME } from "../../schemas/common";

// How OpenLineage identifiers become Provscope names, hashes and ids. Pure functions.

export const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

const CONTROL = /[\u0000-\u001f\u007f]/g;

// Fits a foreign string into a Provscope `name` (≤ 256 characters, no control characters). An
// over-long value keeps its start plus a digest of the whole, so two long job names that share a
// prefix still become two stages.
export function fitName(s: string, max = MAX_NAME): string {
  const clean = s.replace(CONTROL, " ");
  if (clean.length <= max) return clean;
  const suffix = `…#${sha256(s).slice(0, 12)}`;
  let head = clean.slice(0, max - suffix.length);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1); // never split a surrogate pair
  return head + suffix;
}

// Key order is irrelevant in JSON objects, so the digest must not depend on it: a client that
// re-serialises a retried event must still hit the same batch id.
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

// The ingest batch id of one event: a retried event (the Python client retries 5 times on 5xx)
// maps onto the same batch, which applyBatch answers from its log without writing anything.
export const eventBatchId = (raw: unknown) => `ol:${sha256(canonicalJson(raw))}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Producers differ in the case of hex digits; one run must stay one execution.
export const normalizeRunId = (id: string) => (UUID.test(id) ? id.toLowerCase() : id);

// Executions for events that have no run: stable per job / per dataset, so repeated events update one node.
const digest = (...parts: string[]) => sha256(parts.join("\n")).slice(0, 40);
export const jobEventExecution = (namespace: string, name: string) => `ol-job:${digest(namespace, name)}`;
export const datasetEventExecution = (namespace: string, name: string) => `ol-dataset:${digest(namespace, name)}`;
export const DATASET_EVENTS_PIPELINE = "openlineage-datasets";

const URI_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

// An OpenLineage dataset as a Provscope artifact. Identity is (type, name, hash): the hash is a
// digest of namespace + name (+ the version facet when the producer reports one), so the same
// dataset logged by two runs is one node and lineage connects across jobs.
export function datasetArtifact(namespace: string, name: string, version?: string) {
  const full = namespace.endsWith("/") || name.startsWith("/") ? `${namespace}${name}` : `${namespace}/${name}`;
  return {
    name: fitName(full),
    hash: version === undefined ? `ol:${sha256(`${namespace}\n${name}`)}` : `ol:${sha256(`${namespace}\n${name}\n${version}`)}`,
    // OpenLineage namespaces of storage systems are URIs (s3://bucket, postgres://host:5432).
    uri: URI_LIKE.test(namespace) && full.length <= 4096 ? full : undefined,
  };
}
