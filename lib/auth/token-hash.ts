import { createHash, randomBytes } from "node:crypto";

export const SCOPES = ["read", "write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

export function scopeAllows(granted: Scope, needed: Scope): boolean {
  return RANK[granted] >= RANK[needed];
}

// Tokens carry 192 random bits, so a plain SHA-256 is enough (no slow KDF needed, unlike passwords).
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): string {
  return `pvs_${randomBytes(24).toString("base64url")}`;
}

export function tokenPrefix(token: string): string {
  return token.slice(0, 8);
}
