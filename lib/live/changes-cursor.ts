import { unprocessable } from "../http/errors";

// The changes cursor: when the previous answer was computed (ms since epoch) and the last lineage
// event it reported. Opaque to clients (base64url), validated on the way back in.
export type ChangesCursor = { t: number; e: number };

export const encodeChangesCursor = (c: ChangesCursor) => Buffer.from(`${c.t}.${c.e}`).toString("base64url");

export function decodeChangesCursor(text: string): ChangesCursor {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!m) throw unprocessable("since: is not a cursor returned by /api/v1/changes; omit it to start a new feed", "since");
  return { t: Number(m[1]), e: Number(m[2]) };
}
