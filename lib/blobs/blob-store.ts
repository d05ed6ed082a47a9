import "server-only";
import path from "node:path";
import { env } from "../env";
import { LocalBlobStore } from "./local-store";
import type { BlobStore } from "./store";

const globalForBlobs = globalThis as unknown as { provscopeBlobs?: BlobStore };

// The configured blob store, one per process. The only place that picks the backend: an
// S3-compatible store would be chosen here (e.g. by a PROVSCOPE_BLOB_URL), callers stay as they are.
export function blobStore(): BlobStore {
  if (!globalForBlobs.provscopeBlobs) {
    const { PROVSCOPE_BLOB_DIR, PROVSCOPE_MAX_BLOB_BYTES } = env();
    const store = new LocalBlobStore(path.resolve(PROVSCOPE_BLOB_DIR), PROVSCOPE_MAX_BLOB_BYTES);
    void store.sweepStaleUploads().catch((err: unknown) => console.error("[provscope] sweeping stale uploads failed", err));
    globalForBlobs.provscopeBlobs = store;
  }
  return globalForBlobs.provscopeBlobs;
}
