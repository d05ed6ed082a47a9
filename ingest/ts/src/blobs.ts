// Artifact files in the server's content-addressed store (/api/v1/blobs): upload a file under its
// sha256 when it is under the server's limit, download one to a file with its sha256 verified.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { HttpClient } from "./client";
import { ProvscopeError } from "./errors";
import { hashFile } from "./hash";
import { drain, rawRequest, responseError } from "./raw-http";

export const LIMIT_HEADER = "x-provscope-max-blob-bytes";
// The blob's size: the server streams bodies chunked, without Content-Length.
const SIZE_HEADER = "x-provscope-blob-size";
const DIGEST = /^sha256:[0-9a-f]{64}$/;

// stored: the server has the bytes (uploaded now, or it had them already). When not, `reason`
// says why the artifact stays metadata-only.
export type UploadOutcome = { digest: string; size: number; stored: boolean; uploaded: boolean; reason?: string };
export type ListedBlob = { digest: string; size: number; storedAt: string; artifacts: number };

export class Blobs {
  constructor(private readonly http: HttpClient) {}

  // Whether the server stores `digest`, and the largest upload it accepts (null: the server has
  // no blob store).
  async head(digest: string): Promise<{ stored: boolean; size: number | null; maxBytes: number | null }> {
    const res = await rawRequest(this.http, "HEAD", `/api/v1/blobs/${digest}`);
    await drain(res);
    const limit = Number(res.headers[LIMIT_HEADER]);
    const maxBytes = Number.isFinite(limit) && res.headers[LIMIT_HEADER] !== undefined ? limit : null;
    if (res.statusCode === 200) return { stored: true, size: Number(res.headers[SIZE_HEADER] ?? res.headers["content-length"]), maxBytes };
    if (res.statusCode === 404) return { stored: false, size: null, maxBytes };
    throw await headError(res.statusCode ?? 0, digest);
  }

  // Uploads `file` unless the server has its bytes already or it is over the server's limit (then
  // the outcome says why and nothing is sent). `digest` and `size` skip hashing when known.
  async upload(file: string, known: { digest?: string; size?: number } = {}): Promise<UploadOutcome> {
    const size = known.size ?? (await stat(file)).size;
    const digest = known.digest ?? (await hashFile(file));
    if (!DIGEST.test(digest)) throw new ProvscopeError(`upload ${file}: '${digest}' is not a sha256 digest`, 0, "client_error");
    const head = await this.head(digest);
    if (head.stored) return { digest, size, stored: true, uploaded: false };
    if (head.maxBytes === null) return { digest, size, stored: false, uploaded: false, reason: `${this.http.url} has no artifact file store` };
    if (size > head.maxBytes) {
      return { digest, size, stored: false, uploaded: false, reason: `${size} bytes is over the server's limit of ${head.maxBytes} (PROVSCOPE_MAX_BLOB_BYTES)` };
    }
    const what = `PUT /api/v1/blobs/${digest}`;
    const res = await rawRequest(this.http, "PUT", `/api/v1/blobs/${digest}`, {
      headers: { "content-type": "application/octet-stream", "content-length": String(size) },
      body: createReadStream(file, { highWaterMark: 1 << 20 }),
    });
    if (res.statusCode === 200 || res.statusCode === 201) {
      await drain(res);
      return { digest, size, stored: true, uploaded: res.statusCode === 201 };
    }
    const err = await responseError(res, what);
    if (err.status === 413) return { digest, size, stored: false, uploaded: false, reason: err.message };
    throw err;
  }

  // Downloads `digest` to `file` through a temp file beside it, renamed into place only when the
  // bytes hash to `digest`: a mismatch or a dropped connection leaves no file behind.
  async download(digest: string, file: string): Promise<{ digest: string; size: number; file: string }> {
    const what = `GET /api/v1/blobs/${digest}`;
    const res = await rawRequest(this.http, "GET", `/api/v1/blobs/${digest}`);
    if (res.statusCode !== 200) throw await responseError(res, what);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.part`);
    const hash = createHash("sha256");
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(res, hasher, createWriteStream(tmp, { highWaterMark: 1 << 20 }));
      const declared = Number(res.headers[SIZE_HEADER] ?? res.headers["content-length"]);
      if (Number.isFinite(declared) && declared !== size) {
        throw new ProvscopeError(`${what}: the download ended after ${size} of ${declared} bytes; run it again`, 0, "download_interrupted");
      }
      const actual = `sha256:${hash.digest("hex")}`;
      if (actual !== digest) {
        throw new ProvscopeError(`${what}: the downloaded bytes hash to ${actual}, not ${digest}; nothing was written`, 0, "digest_mismatch");
      }
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      if (err instanceof ProvscopeError) throw err;
      throw new ProvscopeError(`${what}: ${err instanceof Error ? err.message : String(err)}; nothing was written`, 0, "download_interrupted", undefined, { cause: err });
    }
    return { digest, size, file };
  }

  // Stored blobs (admin), every page; `unreferenced` keeps those no artifact names.
  async list(unreferenced: boolean): Promise<ListedBlob[]> {
    const out: ListedBlob[] = [];
    let after: string | undefined;
    do {
      const page = await this.http.request<{ blobs: ListedBlob[]; next: string | null }>("GET", "/api/v1/blobs", {
        query: { unreferenced: unreferenced ? 1 : 0, limit: 10_000, after },
      });
      out.push(...page.blobs);
      after = page.next ?? undefined;
    } while (after);
    return out;
  }

  // Removes one stored blob (admin); `force` when artifacts still name it.
  remove(digest: string, force = false): Promise<{ digest: string; size: number; artifacts: number; deleted: boolean }> {
    return this.http.request("DELETE", `/api/v1/blobs/${digest}`, { query: { force: force ? 1 : undefined } });
  }
}

function headError(status: number, digest: string): ProvscopeError {
  const what = `HEAD /api/v1/blobs/${digest}`;
  if (status === 401) return new ProvscopeError(`${what} → 401 unauthorized: the API token is missing, unknown or revoked; set PROVSCOPE_TOKEN`, 401, "unauthorized");
  if (status === 403) return new ProvscopeError(`${what} → 403 forbidden: the token lacks the read scope`, 403, "forbidden");
  return new ProvscopeError(`${what} → HTTP ${status}`, status, status === 422 ? "invalid" : "http_error");
}
