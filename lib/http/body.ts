import { env } from "../env";
import { badRequest, tooLarge } from "./errors";

// Strict decoding: invalid UTF-8 is refused rather than silently turned into U+FFFD, and a byte-order
// mark stays in the text (so JSON.parse refuses it, as before).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(parts, total));
  } catch {
    throw badRequest("the request body is not valid UTF-8; send JSON encoded as UTF-8", "invalid_json");
  }
  if (text.trim() === "") throw badRequest("the request body is empty; send a JSON document", "invalid_json");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`, "invalid_json");
  }
}

// Names the limit, and the setting when it is the configurable one.
function bodyTooLarge(limit: number) {
  const configurable = limit === env().PROVSCOPE_MAX_BODY_BYTES;
  return tooLarge(
    configurable
      ? `the request body exceeds the limit of ${limit} bytes (PROVSCOPE_MAX_BODY_BYTES); split it into several requests`
      : `the request body exceeds the limit of ${limit} bytes for this endpoint; send a smaller document`,
  );
}
