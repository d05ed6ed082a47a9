// Moves an upload's bytes through sha256 (and onto disk) as they arrive: the whole file is never
// in memory, and at most one write is in flight while the next megabyte is read and hashed.
import type { FileHandle } from "node:fs/promises";
import { blobTooLarge, uploadInterrupted } from "./errors";
import { createHasher } from "./hasher";

export type Copied = { digest: string; size: number };
type Limits = { maxBytes: number; expectedSize?: number; signal?: AbortSignal };

const WRITE_BYTES = 1 << 20; // gather network chunks (often 16–64 KiB) into ~1 MiB writes
// Ask the disk to persist what was written so far every this many bytes, while more arrives: the
// final fsync then waits only for the tail instead of the whole file.
const SYNC_EVERY_BYTES = 64 << 20;

// Hashes `body` and writes it to `out` (or only hashes it, when out is null). Errors of the
// source (a dropped connection) become 400 upload_interrupted; disk errors pass through.
export async function copyHashing(body: AsyncIterable<Uint8Array>, out: FileHandle | null, limits: Limits): Promise<Copied> {
  const hash = createHasher(limits.expectedSize);
  const source = body[Symbol.asyncIterator]();
  let size = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let writing: Promise<unknown> = Promise.resolve();
  let position = 0;
  let syncedAt = 0;
  let syncing: Promise<unknown> | null = null;
  const flush = async () => {
    await writing; // one write at a time, so a slow disk slows the reader (backpressure)
    if (!out || pendingBytes === 0) return;
    const parts = pending;
    const at = position;
    position += pendingBytes;
    pending = [];
    pendingBytes = 0;
    const write = writeAll(out, parts, at);
    write.catch(() => undefined); // seen now so it is never "unhandled"; the next await rethrows it
    writing = write;
    if (position - syncedAt >= SYNC_EVERY_BYTES && !syncing) {
      syncedAt = position;
      // Best effort and in the background (a failure shows again in the caller's final fsync).
      syncing = write.then(() => out.datasync()).catch(() => undefined).finally(() => (syncing = null));
    }
  };
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        if (limits.signal?.aborted) throw limits.signal.reason;
        next = await source.next();
      } catch {
        throw uploadInterrupted(size, limits.expectedSize);
      }
      if (next.done) break;
      const chunk = next.value;
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw blobTooLarge(limits.maxBytes);
      const behind = hash.update(chunk);
      if (behind) await behind;
      if (out) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= WRITE_BYTES) await flush();
      }
    }
    await flush();
    await writing;
    await syncing;
    if (limits.expectedSize !== undefined && size !== limits.expectedSize) throw uploadInterrupted(size, limits.expectedSize);
    return { digest: await hash.digest(), size };
  } catch (err) {
    await source.return?.().catch(() => undefined);
    await writing.catch(() => undefined);
    await syncing;
    throw err;
  } finally {
    hash.dispose();
  }
}

async function writeAll(out: FileHandle, parts: Uint8Array[], position: number): Promise<void> {
  let offset = position;
  let rest = parts;
  while (rest.length) {
    const { bytesWritten } = await out.writev(rest, offset);
    offset += bytesWritten;
    rest = skipBytes(rest, bytesWritten);
  }
}

// What is left of `parts` after a short writev wrote `n` bytes.
function skipBytes(parts: Uint8Array[], n: number): Uint8Array[] {
  let left = n;
  const rest: Uint8Array[] = [];
  for (const p of parts) {
    if (left >= p.byteLength) left -= p.byteLength;
    else {
      rest.push(left ? p.subarray(left) : p);
      left = 0;
    }
  }
  return rest;
}

// A web ReadableStream as an async iterable (request bodies), releasing it when iteration stops.
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
