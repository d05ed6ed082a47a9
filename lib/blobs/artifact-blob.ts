import "server-only";
import { blobPath, isDigest } from "./digest";
import type { BlobStore } from "./store";

export type ArtifactBlob = { size: number; downloadUrl: string } | null;

// An artifact's stored bytes, when the store has a blob named by the artifact's hash; null for a
// metadata-only artifact (its bytes live where its uri says).
export async function artifactBlob(store: BlobStore, hash: string): Promise<ArtifactBlob> {
  if (!isDigest(hash)) return null;
  const info = await store.stat(hash);
  return info ? { size: info.size, downloadUrl: blobPath(hash) } : null;
}
