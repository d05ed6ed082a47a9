import "server-only";
import type { Db } from "../db/client";
import { conflict } from "../http/errors";
import { missingBlob } from "./http";
import { referenceCounts } from "./list-blobs";
import type { BlobStore } from "./store";

// DELETE /api/v1/blobs/{digest} (admin): removes one stored file, only when asked — nothing is
// ever collected automatically. A blob that artifacts still name needs `force`; they become
// metadata-only (their uri still says where the bytes were).
export async function removeBlob(db: Db, store: BlobStore, digest: string, force: boolean) {
  const info = await store.stat(digest);
  if (!info) throw missingBlob(digest);
  const artifacts = (await referenceCounts(db, [digest])).get(digest) ?? 0;
  if (artifacts > 0 && !force) {
    throw conflict(
      `${artifacts} artifact(s) have the hash ${digest}, so their download would disappear; ` +
        "`GET /api/v1/blobs?unreferenced=1` lists the blobs nothing names, or pass force=1 to delete this one anyway",
    );
  }
  await store.delete(digest);
  return { digest, size: info.size, artifacts, deleted: true };
}
