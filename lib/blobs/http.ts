// HTTP framing of blob uploads and downloads: Content-Length, Range, ETag, and the limit header
// the clients read to decide whether a file is uploaded or stays metadata-only.
import { notFound } from "../http/errors";
import { ApiError } from "../http/errors";
import { blobTooLarge } from "./errors";
import { streamChunks } from "./hashing-copy";
import { parseRange } from "./range";
import type { BlobStore, PutResult } from "./store";

export const LIMIT_HEADER = "X-Provscope-Max-Blob-Bytes";
// Next.js drops Content-Length from route handler responses (vercel/next.js#48838) and sends the
// body chunked, so the blob's total size also travels in a header of our own (HEAD needs it most).
export const SIZE_HEADER = "X-Provscope-Blob-Size";

function declaredLength(req: Request): number | undefined {
  const raw = req.headers.get("content-length");
  const n = raw === null ? NaN : Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

// PUT: streams the request body into the store; a declared length over the limit is refused
// before a byte is read.
export async function uploadBlob(store: BlobStore, digest: string, req: Request): Promise<PutResult> {
  const expectedSize = declaredLength(req);
  if (expectedSize !== undefined && expectedSize > store.maxBytes) throw blobTooLarge(store.maxBytes);
  const body = req.body ? streamChunks(req.body) : (async function* () {})();
  return store.put(digest, body, { expectedSize, signal: req.signal });
}

// GET and HEAD: the blob (or one byte range of it), never buffered.
export async function downloadBlob(store: BlobStore, digest: string, req: Request): Promise<Response> {
  const info = await store.stat(digest);
  if (!info) throw missingBlob(digest);
  const etag = `"${digest}"`;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Content-Type": "application/octet-stream",
    // Content-addressed: the bytes behind this address never change.
    "Cache-Control": "private, max-age=31536000, immutable",
    // Uploaded bytes are never rendered as a page of this origin.
    "Content-Disposition": "attachment",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    [SIZE_HEADER]: String(info.size),
  });
  if (matches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const ifRange = req.headers.get("if-range");
  const answer = ifRange && ifRange !== etag ? { kind: "full" as const } : parseRange(req.headers.get("range"), info.size);
  if (answer.kind === "unsatisfiable") {
    const err = new ApiError(416, "range_not_satisfiable", `the requested range is outside the blob's ${info.size} bytes; ask for bytes=0-${Math.max(info.size - 1, 0)} or a part of it`);
    return Response.json(err.toBody(), { status: 416, headers: { "Content-Range": `bytes */${info.size}` } });
  }
  const range = answer.kind === "partial" ? answer.range : undefined;
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : info.size));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${info.size}`);
  const status = range ? 206 : 200;
  if (req.method === "HEAD") return new Response(null, { status, headers });
  const read = await store.get(digest, range);
  if (!read) throw missingBlob(digest); // deleted between stat and open
  return new Response(read.stream, { status, headers });
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export const missingBlob = (digest: string) =>
  notFound(`no stored file with digest ${digest}: upload it with PUT /api/v1/blobs/${digest}, or the artifact is metadata-only (its bytes live where its uri says)`);

// Every answer of the blob routes says how large an upload may be.
export function withLimitHeader<A extends unknown[]>(store: () => BlobStore, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const res = await handler(...args);
    res.headers.set(LIMIT_HEADER, String(store().maxBytes));
    return res;
  };
}
