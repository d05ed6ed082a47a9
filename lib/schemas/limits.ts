// Every size limit of the API, in one place. Each refusal names its limit in the error message
// (and the OpenAPI document shows them as maxLength/maxItems), so a client never has to guess.
// The body size is configurable (PROVSCOPE_MAX_BODY_BYTES); the others are fixed.

export const LIMITS = {
  // Request bodies, bytes. Ingest and import endpoints: the configurable limit (default 64 MiB).
  bodyBytes: 64 * 1024 * 1024,
  // Registry writes and token management: small documents, a small limit.
  smallBodyBytes: 64 * 1024,
  // Signing in: a token and nothing else.
  sessionBodyBytes: 4 * 1024,
  // POST /api/v1/batches
  opsPerBatch: 10_000,
  pointsPerSeriesOp: 100_000,
  // Names: pipeline, stage, execution name, artifact name, model, series and metric keys, token names.
  nameChars: 256,
  // Client-chosen ids: batchId, execution uuid.
  clientIdChars: 128,
  hashChars: 256,
  uriChars: 4096,
  // params, properties, facets: nesting and key length.
  propertyDepth: 8,
  propertyKeyChars: 256,
  // The execution filter language (?filter=), and MLflow's search filter.
  filterChars: 2000,
  // Why an alias moved (promote, rollback).
  reasonChars: 1000,
  aliasChars: 64,
  // OpenLineage: events per batch request, nesting of one event.
  openLineageEventsPerBatch: 10_000,
  openLineageDepth: 64,
  tokenChars: 200,
} as const;

// Keys that would reach an object's prototype if a JSON object were ever copied key by key.
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

// Control characters have no place in names or reasons (they hide text in terminals and logs);
// tab and newline are allowed in free text.
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
export const CONTROL_CHARS_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
