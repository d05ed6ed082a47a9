// The content-addressed artifact store, as callers see it. Blobs are named by their digest
// ("sha256:<64 hex>"), so a name always means the same bytes: writes verify the digest while the
// bytes stream in and keep nothing on a mismatch, and storing the same bytes twice keeps one copy.
// The local directory is the default backend; an S3-compatible one implements the same interface.

export type BlobInfo = { digest: string; size: number; storedAt: Date };

export type PutResult = { digest: string; size: number; created: boolean };

// Inclusive byte offsets, as in an HTTP Range header.
export type ByteRange = { start: number; end: number };

export type BlobRead = { size: number; stream: ReadableStream<Uint8Array> };

export type PutOptions = {
  // The declared length (Content-Length): a body that ends short of it is an interrupted upload.
  expectedSize?: number;
  signal?: AbortSignal;
};

export interface BlobStore {
  // The largest blob accepted; larger artifacts stay metadata-only.
  readonly maxBytes: number;
  // Streams `body` in while hashing it. Resolves once the bytes are durably stored under `digest`
  // (created: false when they already were: nothing is rewritten). Throws an ApiError (422 digest
  // mismatch, 413 too large, 400 interrupted) and keeps nothing when the bytes are not exactly the
  // blob that `digest` names.
  put(digest: string, body: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<PutResult>;
  has(digest: string): Promise<boolean>;
  stat(digest: string): Promise<BlobInfo | null>;
  // The whole blob, or the inclusive `range` of it (the caller checked it against stat's size).
  get(digest: string, range?: ByteRange): Promise<BlobRead | null>;
  // Every stored blob in digest order, starting after the digest `after`.
  list(after?: string): AsyncIterable<BlobInfo>;
  // True when the blob existed.
  delete(digest: string): Promise<boolean>;
}
