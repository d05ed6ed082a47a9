// The default blob backend: one file per blob under a directory, fanned out by the first two hex
// digits (<root>/sha256/ab/ab12…), so no directory grows past a few thousand entries. Uploads go to
// <root>/tmp first and are renamed into place once verified and synced: a reader never sees half a
// file, and a crash or dropped connection leaves at most a temp file, which is swept a day later.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { digestHex } from "./digest";
import { digestMismatch } from "./errors";
import { copyHashing } from "./hashing-copy";
import type { BlobInfo, BlobRead, BlobStore, ByteRange, PutOptions, PutResult } from "./store";

const READ_BYTES = 1 << 20;
const FAN_DIR = /^[0-9a-f]{2}$/;
const BLOB_FILE = /^[0-9a-f]{64}$/;
const STALE_UPLOAD_MS = 24 * 3600_000;

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

export class LocalBlobStore implements BlobStore {
  constructor(
    readonly root: string,
    readonly maxBytes: number,
  ) {}

  private file(digest: string): string {
    const hex = digestHex(digest);
    return path.join(this.root, "sha256", hex.slice(0, 2), hex);
  }

  private get tmpDir(): string {
    return path.join(this.root, "tmp");
  }

  async put(digest: string, body: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<PutResult> {
    const limits = { maxBytes: this.maxBytes, ...options };
    if (await this.has(digest)) {
      // Already stored: read the bytes (so the connection stays usable) and check them, but never
      // rewrite the stored file.
      const seen = await copyHashing(body, null, limits);
      if (seen.digest !== digest) throw digestMismatch(digest, seen.digest, seen.size);
      return { digest, size: seen.size, created: false };
    }
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${digestHex(digest)}.${randomBytes(6).toString("hex")}.part`);
    const fh = await open(tmp, "wx");
    let closed = false;
    try {
      const written = await copyHashing(body, fh, limits);
      if (written.digest !== digest) throw digestMismatch(digest, written.digest, written.size);
      await fh.sync(); // acknowledged means on disk: a crash after the answer must not lose it
      await fh.close();
      closed = true;
      const target = this.file(digest);
      await mkdir(path.dirname(target), { recursive: true });
      if (await this.has(digest)) {
        await rm(tmp, { force: true }); // a concurrent upload of the same bytes won
        return { digest, size: written.size, created: false };
      }
      await rename(tmp, target);
      await syncDir(path.dirname(target));
      return { digest, size: written.size, created: true };
    } catch (err) {
      if (!closed) await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async has(digest: string): Promise<boolean> {
    return (await this.stat(digest)) !== null;
  }

  async stat(digest: string): Promise<BlobInfo | null> {
    try {
      const s = await stat(this.file(digest));
      return { digest, size: s.size, storedAt: s.mtime };
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async get(digest: string, range?: ByteRange): Promise<BlobRead | null> {
    let fh: FileHandle;
    try {
      fh = await open(this.file(digest), "r");
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
    const total = (await fh.stat()).size;
    let pos = range ? range.start : 0;
    const end = range ? Math.min(range.end + 1, total) : total;
    let open_ = true;
    const close = async () => {
      if (open_) {
        open_ = false;
        await fh.close();
      }
    };
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const n = Math.min(READ_BYTES, end - pos);
          const buf = Buffer.allocUnsafe(Math.max(n, 0));
          const { bytesRead } = n > 0 ? await fh.read(buf, 0, n, pos) : { bytesRead: 0 };
          if (n > 0 && bytesRead === 0) throw new Error(`blob ${digest} is shorter than its recorded size`);
          pos += bytesRead;
          if (bytesRead > 0) controller.enqueue(buf.subarray(0, bytesRead));
          if (pos >= end) {
            await close();
            controller.close();
          }
        } catch (err) {
          await close().catch(() => undefined);
          controller.error(err);
        }
      },
      cancel: close,
    });
    return { size: Math.max(end - pos, 0), stream };
  }

  async *list(after?: string): AsyncGenerator<BlobInfo> {
    const base = path.join(this.root, "sha256");
    const afterHex = after ? digestHex(after) : "";
    const fans = (await readdir(base).catch((err: unknown) => (missing(err) ? [] : Promise.reject(err))))
      .filter((d) => FAN_DIR.test(d) && d >= afterHex.slice(0, 2))
      .sort();
    for (const fan of fans) {
      const names = (await readdir(path.join(base, fan)).catch((err: unknown) => (missing(err) ? [] : Promise.reject(err))))
        .filter((f) => BLOB_FILE.test(f) && f > afterHex)
        .sort();
      for (const hex of names) {
        const info = await this.stat(`sha256:${hex}`);
        if (info) yield info; // deleted meanwhile: skipped
      }
    }
  }

  async delete(digest: string): Promise<boolean> {
    try {
      await unlink(this.file(digest));
      return true;
    } catch (err) {
      if (missing(err)) return false;
      throw err;
    }
  }

  // Temp files of uploads a crash interrupted. Only old ones: another server process sharing
  // the directory may be writing a recent one right now.
  async sweepStaleUploads(olderThanMs = STALE_UPLOAD_MS): Promise<number> {
    const names = await readdir(this.tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const s = await stat(file).catch(() => null);
      if (s && Date.now() - s.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

// Makes a rename durable (the directory entry is data too).
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
