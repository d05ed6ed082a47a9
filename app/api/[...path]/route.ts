import { notFound } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/handler";

// * /api/… — any path the API does not serve: the error envelope, not the dashboard's HTML 404 page
async function unknownEndpoint(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  return errorResponse(notFound(`no API endpoint ${req.method} ${pathname}; the endpoints are listed in /api/v1/openapi.json`));
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
