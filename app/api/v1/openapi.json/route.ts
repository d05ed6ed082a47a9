import { withApi } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/v1/openapi.json — the OpenAPI 3.1 description of every endpoint
export const GET = withApi(async () => openApiDocument(), { scope: "public" });
