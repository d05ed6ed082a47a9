// The ways an upload is refused, in the one error envelope, with what to do about it.
import { badRequest, tooLarge, unprocessable } from "../http/errors";

const bytes = (n: number) => {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]} (${n} bytes)`;
};

export const blobTooLarge = (limit: number) =>
  tooLarge(
    `the file is larger than the blob size limit of ${bytes(limit)} (PROVSCOPE_MAX_BLOB_BYTES), so its bytes were not stored; ` +
      "log the artifact with its uri and hash and it stays metadata-only (the bytes stay where the uri says)",
  );

export const digestMismatch = (expected: string, actual: string, size: number) =>
  unprocessable(
    `the uploaded bytes (${size} bytes) hash to ${actual}, not ${expected}; nothing was stored. ` +
      "Upload the file to the address of its own sha256 (e.g. `sha256sum FILE`)",
    "digest",
    "digest_mismatch",
  );

export const uploadInterrupted = (received: number, expected?: number) =>
  badRequest(
    `the upload ended after ${received}${expected === undefined ? "" : ` of ${expected}`} bytes; nothing was stored. Send the file again`,
    "upload_interrupted",
  );
