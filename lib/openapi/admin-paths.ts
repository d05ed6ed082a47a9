import { LIMITS } from "../schemas/limits";

// OpenAPI fragments for the operations side: the online backup, the envelope for unknown paths,
// and the API's limits (in the document's description, so clients see them in one place).

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export const LIMITS_DESCRIPTION = [
  "Limits (each refusal names its limit):",
  `request body ${LIMITS.bodyBytes} bytes by default (PROVSCOPE_MAX_BODY_BYTES; 413), ${LIMITS.smallBodyBytes} bytes for registry and token writes, ${LIMITS.sessionBodyBytes} for sign-in;`,
  `${LIMITS.opsPerBatch} ops per batch; ${LIMITS.pointsPerSeriesOp} points per series op;`,
  `names and keys ${LIMITS.nameChars} characters, batch and execution ids ${LIMITS.clientIdChars}, hashes ${LIMITS.hashChars}, URIs ${LIMITS.uriChars};`,
  `params/properties nested at most ${LIMITS.propertyDepth} levels, keys ${LIMITS.propertyKeyChars} characters, no __proto__/constructor/prototype keys;`,
  `filters ${LIMITS.filterChars} characters; alias reasons ${LIMITS.reasonChars}; OpenLineage ${LIMITS.openLineageEventsPerBatch} events per batch, ${LIMITS.openLineageDepth} levels of nesting.`,
].join(" ");

export function adminOpenApiPaths() {
  return {
    "/api/v1/admin/backup": {
      get: {
        summary: "Online backup: a consistent copy of the SQLite database, taken while ingest continues, checked (PRAGMA quick_check) and sent as a download",
        description:
          "Scope: `admin`. `provscope backup FILE` calls this. Restore with `provscope restore FILE --database PATH` while the server is stopped. On PostgreSQL the answer is 409 unsupported_database: for PostgreSQL use pg_dump.",
        parameters: [],
        responses: {
          200: { description: "the database file", content: { "application/vnd.sqlite3": { schema: { type: "string", format: "binary" } } } },
          401: error("missing or invalid token"),
          403: error("token lacks the admin scope"),
          409: error("the server runs on PostgreSQL (use pg_dump)"),
        },
      },
    },
    "/api/{...path}": Object.fromEntries(
      ["get", "post", "put", "patch", "delete"].map((m) => [m, { summary: "Any path the API does not serve: 404 in the error envelope", security: [], parameters: [], responses: { 404: error("no such endpoint") } }]),
    ),
  };
}
