import "server-only";
import type { Db } from "../db/client";
import type { BlobListQuery } from "../schemas/blobs";
import type { BlobInfo, BlobStore } from "./store";

const LOOKUP_BATCH = 500;

export type ListedBlob = { digest: string; size: number; storedAt: string; artifacts: number };

// GET /api/v1/blobs: stored blobs in digest order with how many artifacts name them (by hash);
// `unreferenced` keeps only those no artifact names, the garbage an admin may remove. Never deletes.
export async function listBlobs(db: Db, store: BlobStore, q: BlobListQuery) {
  const page: ListedBlob[] = []; // one more than the limit tells that a next page exists
  let batch: BlobInfo[] = [];
  const take = async () => {
    const counts = await referenceCounts(db, batch.map((b) => b.digest));
    for (const b of batch) {
      const artifacts = counts.get(b.digest) ?? 0;
      if (!q.unreferenced || artifacts === 0) page.push({ digest: b.digest, size: b.size, storedAt: b.storedAt.toISOString(), artifacts });
    }
    batch = [];
  };
  for await (const b of store.list(q.after)) {
    batch.push(b);
    if (batch.length >= Math.min(LOOKUP_BATCH, q.limit + 1 - page.length)) {
      await take();
      if (page.length > q.limit) break;
    }
  }
  if (batch.length) await take();
  const blobs = page.slice(0, q.limit);
  return {
    blobs,
    totalBytes: blobs.reduce((n, b) => n + b.size, 0),
    next: page.length > q.limit ? blobs[blobs.length - 1].digest : null,
  };
}

// How many artifacts have each digest as their hash.
export async function referenceCounts(db: Db, digests: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!digests.length) return counts;
  const rows = await db.artifact.findMany({ where: { hash: { in: digests } }, select: { hash: true } });
  for (const r of rows) counts.set(r.hash, (counts.get(r.hash) ?? 0) + 1);
  return counts;
}
