import { blobStore } from "@/lib/blobs/blob-store";
import { listBlobs } from "@/lib/blobs/list-blobs";
import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { blobListQuery } from "@/lib/schemas/blobs";

// GET /api/v1/blobs — stored files with their artifact counts; ?unreferenced=1 for the garbage (admin)
export const GET = withApi(async ({ url }) => listBlobs(db(), blobStore(), parseQuery(blobListQuery, url)), { scope: "admin" });
