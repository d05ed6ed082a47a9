import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { blobListQuery } from "../schemas/blobs";
import { createTestDb } from "../testing/test-db";
import { artifactBlob } from "./artifact-blob";
import { listBlobs } from "./list-blobs";
import { LocalBlobStore } from "./local-store";
import { removeBlob } from "./remove-blob";

let t: ReturnType<typeof createTestDb>;
let db: Db;
let root: string;
let store: LocalBlobStore;
const digests: string[] = [];

async function* once(b: Uint8Array) {
  yield b;
}

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  root = mkdtempSync(path.join(tmpdir(), "provscope-blob-list-"));
  store = new LocalBlobStore(root, 1 << 20);
  for (let i = 0; i < 6; i++) {
    const b = Buffer.from(`model bytes ${i}`);
    const d = `sha256:${createHash("sha256").update(b).digest("hex")}`;
    digests.push(d);
    await store.put(d, once(b));
  }
  digests.sort();
  // Artifacts name digests 0 (twice: two types) and 3; the rest are garbage.
  const ops = [
    { op: "execution.start" as const, pipeline: "blobs", stage: "train", execution: "blobs-e1" },
    { op: "artifact" as const, execution: "blobs-e1", direction: "output" as const, type: "model" as const, name: "m", hash: digests[0] },
    { op: "artifact" as const, execution: "blobs-e1", direction: "output" as const, type: "other" as const, name: "m-copy", hash: digests[0] },
    { op: "artifact" as const, execution: "blobs-e1", direction: "input" as const, type: "dataset" as const, name: "d", hash: digests[3] },
  ];
  await applyBatch(db, ingestBatchBody.parse({ batchId: "blobs-1", ops }), "test");
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const list = (q: Record<string, string>) => listBlobs(db, store, blobListQuery.parse(q));

describe("listBlobs", () => {
  it("lists every blob with its artifact count, or only the unreferenced ones", async () => {
    const all = await list({});
    expect(all.blobs.map((b) => [b.digest, b.artifacts])).toEqual(digests.map((d, i) => [d, i === 0 ? 2 : i === 3 ? 1 : 0]));
    expect(all.next).toBeNull();
    const garbage = await list({ unreferenced: "1" });
    expect(garbage.blobs.map((b) => b.digest)).toEqual([digests[1], digests[2], digests[4], digests[5]]);
    expect(garbage.totalBytes).toBe(garbage.blobs.reduce((n, b) => n + b.size, 0));
  });

  it("pages with limit and after", async () => {
    const first = await list({ unreferenced: "1", limit: "3" });
    expect(first.blobs.map((b) => b.digest)).toEqual([digests[1], digests[2], digests[4]]);
    expect(first.next).toBe(digests[4]);
    const second = await list({ unreferenced: "1", limit: "3", after: first.next! });
    expect(second).toMatchObject({ blobs: [{ digest: digests[5] }], next: null });
    expect((await list({ limit: "6" })).next).toBeNull();
  });
});

describe("removeBlob and artifactBlob", () => {
  it("removes an unreferenced blob; a referenced one only with force", async () => {
    expect(await removeBlob(db, store, digests[5], false)).toMatchObject({ digest: digests[5], deleted: true, artifacts: 0 });
    await expect(removeBlob(db, store, digests[5], false)).rejects.toMatchObject({ status: 404 });
    await expect(removeBlob(db, store, digests[3], false)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("force=1") });
    expect(await store.has(digests[3])).toBe(true);
    expect(await artifactBlob(store, digests[3])).toEqual({ size: "model bytes 3".length, downloadUrl: `/api/v1/blobs/${digests[3]}` });
    await removeBlob(db, store, digests[3], true);
    expect(await artifactBlob(store, digests[3])).toBeNull();
    expect(await artifactBlob(store, "md5:abc")).toBeNull();
  });
});
