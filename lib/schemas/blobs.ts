import { z } from "zod";
import { limit } from "./common";

// The artifact file store: path params and query strings of /api/v1/blobs/...

// "sha256:<64 lowercase hex>", the artifact hash of the same bytes. "%3A" is accepted for the colon
// because some HTTP clients escape it in a path.
export const blobDigest = z
  .string()
  .transform((s) => s.replace(/%3a/i, ":"))
  .pipe(z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be 'sha256:' followed by 64 lowercase hex digits (the file's sha256, as `sha256sum` prints it)"));

const flag = z
  .enum(["0", "1"], { error: "must be 1 (yes) or 0 (no)" })
  .default("0")
  .transform((v) => v === "1");

export const blobParams = z.object({ digest: blobDigest });

export const blobListQuery = z.object({
  unreferenced: flag, // only blobs no artifact's hash names: what an admin may remove
  after: blobDigest.optional(), // paging: the `next` of the previous page
  limit: limit(10_000, 1000),
});

// Deleting a blob that artifacts still name needs force=1: they become metadata-only.
export const blobDeleteQuery = z.object({ force: flag });

export type BlobListQuery = z.infer<typeof blobListQuery>;
