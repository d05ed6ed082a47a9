import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalBlobStore } from "./local-store";
import type { BlobStore } from "./store";

const digestOf = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

// A body as the network delivers it: many small chunks.
async function* chunks(bytes: Uint8Array, size = 16 * 1024, failAfter?: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    if (failAfter !== undefined && i >= failAfter) throw new Error("socket hang up");
    yield bytes.subarray(i, i + size);
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) parts.push(c);
  return Buffer.concat(parts);
}

const random = (n: number) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 2654435761) >>> 24;
  return b;
};

let root: string;
let store: LocalBlobStore;
const files = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
};
const tempFiles = () => files(path.join(root, "tmp"));

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "provscope-blobs-"));
  store = new LocalBlobStore(root, 8 * 1024 * 1024);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("LocalBlobStore", () => {
  it("stores bytes under their digest, fanned out by the first two hex digits, and reads them back", async () => {
    const bytes = random(3 * 1024 * 1024 + 17); // several coalesced writes and a ragged end
    const digest = digestOf(bytes);
    expect(await store.put(digest, chunks(bytes), { expectedSize: bytes.length })).toEqual({ digest, size: bytes.length, created: true });
    const hex = digest.slice(7);
    expect(statSync(path.join(root, "sha256", hex.slice(0, 2), hex)).size).toBe(bytes.length);
    expect(await store.stat(digest)).toMatchObject({ digest, size: bytes.length });
    const read = await store.get(digest);
    expect(read!.size).toBe(bytes.length);
    expect((await readAll(read!.stream)).equals(bytes)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it("verifies a large declared upload (synced to disk as it goes), and refuses it with a wrong digest", async () => {
    const big = new LocalBlobStore(root, 256 * 1024 * 1024);
    const bytes = random(70 * 1024 * 1024 + 5);
    const digest = digestOf(bytes);
    await expect(big.put(digestOf(bytes.subarray(1)), chunks(bytes, 64 * 1024), { expectedSize: bytes.length })).rejects.toMatchObject({ status: 422 });
    expect(await big.put(digest, chunks(bytes, 64 * 1024), { expectedSize: bytes.length })).toEqual({ digest, size: bytes.length, created: true });
    expect((await readAll((await big.get(digest))!.stream)).equals(bytes)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it("keeps one copy of the same bytes and does not rewrite it", async () => {
    const bytes = random(100_000);
    const digest = digestOf(bytes);
    await store.put(digest, chunks(bytes));
    const hex = digest.slice(7);
    const file = path.join(root, "sha256", hex.slice(0, 2), hex);
    const before = statSync(file);
    expect(await store.put(digest, chunks(bytes))).toEqual({ digest, size: bytes.length, created: false });
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(files(path.join(root, "sha256"))).toHaveLength(1);
  });

  it("refuses bytes that hash to another digest and keeps nothing (new or already stored)", async () => {
    const bytes = random(50_000);
    const wrong = digestOf(Buffer.from("something else"));
    await expect(store.put(wrong, chunks(bytes))).rejects.toMatchObject({ status: 422, code: "digest_mismatch", message: expect.stringContaining(digestOf(bytes)) });
    expect(await store.has(wrong)).toBe(false);
    expect(files(root)).toEqual([]);
    await store.put(wrong, chunks(Buffer.from("something else")));
    await expect(store.put(wrong, chunks(bytes))).rejects.toMatchObject({ status: 422 });
    expect(await store.stat(wrong)).toMatchObject({ size: "something else".length });
  });

  it("refuses a body over the limit while it streams, and keeps nothing", async () => {
    const small = new LocalBlobStore(root, 1000);
    const bytes = random(5000);
    await expect(small.put(digestOf(bytes), chunks(bytes, 100))).rejects.toMatchObject({ status: 413, message: expect.stringContaining("metadata-only") });
    expect(files(root)).toEqual([]);
  });

  it("removes the temp file of an interrupted upload, and a retry stores it", async () => {
    const bytes = random(2 * 1024 * 1024);
    const digest = digestOf(bytes);
    await expect(store.put(digest, chunks(bytes, 64 * 1024, 1024 * 1024))).rejects.toMatchObject({ status: 400, code: "upload_interrupted" });
    expect(tempFiles()).toEqual([]);
    expect(await store.has(digest)).toBe(false);
    // A body that ends short of its declared length is interrupted too, even if it hashed right.
    await expect(store.put(digest, chunks(bytes), { expectedSize: bytes.length + 1 })).rejects.toMatchObject({ code: "upload_interrupted" });
    expect(await store.put(digest, chunks(bytes), { expectedSize: bytes.length })).toMatchObject({ created: true });
    expect(tempFiles()).toEqual([]);
  });

  it("reads inclusive byte ranges", async () => {
    const bytes = random(3 * 1024 * 1024);
    const digest = digestOf(bytes);
    await store.put(digest, chunks(bytes));
    for (const [start, end] of [[0, 0], [10, 19], [1024 * 1024 - 1, 2 * 1024 * 1024 + 5], [bytes.length - 3, bytes.length - 1]]) {
      const read = await store.get(digest, { start, end });
      expect(read!.size).toBe(end - start + 1);
      expect((await readAll(read!.stream)).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("stores and reads an empty file", async () => {
    const digest = digestOf(new Uint8Array());
    expect(await store.put(digest, chunks(new Uint8Array()))).toMatchObject({ size: 0, created: true });
    expect((await readAll((await store.get(digest))!.stream)).length).toBe(0);
  });

  it("lists in digest order from a cursor, deletes, and answers null for what it does not have", async () => {
    const digests: string[] = [];
    for (let i = 0; i < 5; i++) {
      const b = Buffer.from(`blob ${i}`);
      digests.push(digestOf(b));
      await store.put(digestOf(b), chunks(b));
    }
    digests.sort();
    const all = [];
    for await (const b of store.list()) all.push(b.digest);
    expect(all).toEqual(digests);
    const rest = [];
    for await (const b of store.list(digests[1])) rest.push(b.digest);
    expect(rest).toEqual(digests.slice(2));
    expect(await store.delete(digests[0])).toBe(true);
    expect(await store.delete(digests[0])).toBe(false);
    expect(await store.get(digests[0])).toBeNull();
    expect(await store.stat(digests[0])).toBeNull();
    const empty: BlobStore = new LocalBlobStore(path.join(root, "never-created"), 10);
    for await (const _ of empty.list()) throw new Error("an empty store lists nothing");
  });

  it("sweeps temp files older than a day only", async () => {
    const tmp = path.join(root, "tmp");
    mkdirSync(tmp, { recursive: true });
    writeFileSync(path.join(tmp, "old.part"), "x");
    writeFileSync(path.join(tmp, "new.part"), "y");
    const dayAgo = (Date.now() - 25 * 3600_000) / 1000;
    utimesSync(path.join(tmp, "old.part"), dayAgo, dayAgo);
    expect(await store.sweepStaleUploads()).toBe(1);
    expect(tempFiles()).toEqual(["new.part"]);
  });
});
