import { badRequest, tooLarge } from "./errors";

// Reads a JSON body without ever holding more than `limit` bytes: the Content-Length header is
// checked first, and the stream is counted as it arrives (chunked uploads have no header).
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit);
  if (!req.body) throw badRequest("the request has no body; send a JSON document", "invalid_json");

  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw bodyTooLarge(limit);
    }
    parts.push(value);
  }
  const text = Buffer.concat(parts, total).toString("utf8");
  if (text.trim() === "") throw badRequest("the request body is empty; send a JSON document", "invalid_json");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`, "invalid_json");
  }
}

function bodyTooLarge(limit: number) {
  return tooLarge(
    `the request body exceeds the limit of ${limit} bytes (PROVSCOPE_MAX_BODY_BYTES); split it into several batches`,
  );
}
