// Blob names: "sha256:" and 64 lowercase hex digits, the form artifact hashes take in every client.
export const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export const isDigest = (s: string): boolean => DIGEST_RE.test(s);

// The hex part, for file names and object keys.
export const digestHex = (digest: string): string => digest.slice("sha256:".length);

// Where an artifact's bytes are downloaded from when the store has them.
export const blobPath = (digest: string): string => `/api/v1/blobs/${digest}`;
