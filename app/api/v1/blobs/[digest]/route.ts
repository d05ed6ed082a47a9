import { blobStore } from "@/lib/blobs/blob-store";
import { downloadBlob, uploadBlob, withLimitHeader } from "@/lib/blobs/http";
import { removeBlob } from "@/lib/blobs/remove-blob";
import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { blobDeleteQuery, blobParams } from "@/lib/schemas/blobs";

type Params = { digest: string };

// GET /api/v1/blobs/{digest} — an artifact's stored bytes, streamed, with Range (206/416) and
// ETag; HEAD (answered by this handler too) gives the same headers without the bytes
export const GET = withLimitHeader(
  blobStore,
  withApi<Params>(async ({ req, params }) => downloadBlob(blobStore(), blobParams.parse(params).digest, req), { scope: "read" }),
);

// PUT /api/v1/blobs/{digest} — store a file under its sha256: streamed to disk and verified on
// the way (422 on a mismatch, nothing kept); 201 when new, 200 when it was already stored
export const PUT = withLimitHeader(
  blobStore,
  withApi<Params>(
    async ({ req, params }) => {
      const stored = await uploadBlob(blobStore(), blobParams.parse(params).digest, req);
      return Response.json(stored, { status: stored.created ? 201 : 200 });
    },
    { scope: "write" },
  ),
);

// DELETE /api/v1/blobs/{digest} — remove one stored file (admin; force=1 when artifacts name it)
export const DELETE = withApi<Params>(
  async ({ url, params }) => removeBlob(db(), blobStore(), blobParams.parse(params).digest, parseQuery(blobDeleteQuery, url).force),
  { scope: "admin" },
);
