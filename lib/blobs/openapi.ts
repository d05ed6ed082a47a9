import { operation } from "../openapi/build";
import { blobDeleteQuery, blobListQuery, blobParams } from "../schemas/blobs";
import { LIMIT_HEADER, SIZE_HEADER } from "./http";

type Json = Record<string, unknown>;

const errorRef = { $ref: "#/components/schemas/Error" };
const error = (description: string) => ({ description, content: { "application/json": { schema: errorRef } } });
const sizeHeaders = {
  [LIMIT_HEADER]: { description: "the largest upload accepted (PROVSCOPE_MAX_BLOB_BYTES); on every answer of these routes, 404 included", schema: { type: "integer" } },
  [SIZE_HEADER]: { description: "the blob's total size in bytes (the server streams bodies chunked)", schema: { type: "integer" } },
};
const binary = { "application/octet-stream": { schema: { type: "string", format: "binary" } } };
const stored = {
  "application/json": {
    schema: { type: "object", required: ["digest", "size", "created"], properties: { digest: { type: "string" }, size: { type: "integer" }, created: { type: "boolean" } } },
  },
};

// OpenAPI entries of the artifact file store: raw bytes in and out, which the JSON-only
// `operation()` helper does not describe.
export function blobOpenApiPaths(): Record<string, Record<string, Json>> {
  const base = (summary: string, scope: "read" | "write") => {
    const { responses: _r, ...rest } = operation({ summary, scope, path: blobParams });
    return rest;
  };
  return {
    "/api/v1/blobs": {
      get: operation({ summary: "Stored artifact files with how many artifacts name each (by hash); unreferenced=1 lists the ones an admin may remove", scope: "admin", query: blobListQuery }),
    },
    "/api/v1/blobs/{digest}": {
      get: {
        ...base("An artifact's stored bytes (HEAD: the headers only). One byte range per request (Range: bytes=a-b) answers 206; ETag is the quoted digest", "read"),
        responses: {
          200: { description: "the whole file", headers: sizeHeaders, content: binary },
          206: { description: "the requested range, with Content-Range", headers: sizeHeaders, content: binary },
          304: { description: "If-None-Match matched the ETag" },
          401: error("missing or invalid token"),
          403: error("token lacks the scope"),
          404: error("no stored file with this digest: the artifact is metadata-only"),
          416: error("the range starts past the end; Content-Range: bytes */SIZE"),
          422: error("the digest is not sha256:<64 hex>"),
        },
      },
      put: {
        ...base("Store a file under its sha256, streamed and verified on the way; idempotent (a stored file is not rewritten). Send the raw bytes, with Content-Length", "write"),
        requestBody: { required: true, content: binary },
        responses: {
          200: { description: "already stored: nothing written", content: stored },
          201: { description: "stored", content: stored },
          400: error("upload_interrupted: the body ended early; nothing was kept, send it again"),
          401: error("missing or invalid token"),
          403: error("token lacks the scope"),
          413: error("larger than PROVSCOPE_MAX_BLOB_BYTES: log the artifact metadata-only"),
          422: error("digest_mismatch: the bytes hash to another digest; nothing was kept"),
        },
      },
      delete: operation({ summary: "Remove one stored file (never automatic); force=1 when artifacts still name it (409 otherwise)", scope: "admin", path: blobParams, query: blobDeleteQuery }),
    },
  };
}
