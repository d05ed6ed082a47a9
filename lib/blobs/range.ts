// HTTP Range requests on a blob (RFC 9110 §14): one byte range is served as 206; several, or a
// header that is not a byte range, is ignored (the whole blob, 200) as the RFC allows; a range
// that starts past the end is unsatisfiable (416).
import type { ByteRange } from "./store";

export type RangeAnswer = { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

export function parseRange(header: string | null, size: number): RangeAnswer {
  if (!header) return { kind: "full" };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === "" && m[2] === "")) return { kind: "full" };
  if (m[1] === "") {
    // "bytes=-N": the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return { kind: "unsatisfiable" };
    return size === 0 ? { kind: "unsatisfiable" } : { kind: "partial", range: { start: Math.max(0, size - n), end: size - 1 } };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: "unsatisfiable" };
  if (end < start) return { kind: "full" }; // "bytes=5-2" is invalid: ignore it
  return { kind: "partial", range: { start, end } };
}
