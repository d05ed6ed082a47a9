import "server-only";
import type { Db } from "../db/client";
import { forbidden, unauthorized } from "../http/errors";
import { generateToken, hashToken, scopeAllows, tokenPrefix, type Scope } from "./token-hash";

export type Principal = { tokenId: number; name: string; scope: Scope };

export async function createToken(db: Db, name: string, scope: Scope, token = generateToken()) {
  // Inside a transaction even alone: on the shared SQLite connection only transactions wait for
  // one another, and a bare write could land inside (and be rolled back with) another request's.
  const row = await db.$transaction((tx) =>
    tx.apiToken.create({
      data: { name, scope, hash: hashToken(token), prefix: tokenPrefix(token) },
      select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
    }),
  );
  return { ...row, token };
}

// Resolves an `Authorization: Bearer …` header to the token's principal, or throws 401/403.
export async function authenticate(db: Db, header: string | null, needed: Scope): Promise<Principal> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) {
    throw unauthorized("missing API token: send 'Authorization: Bearer <token>' (create one with `provscope token create`)");
  }
  const row = await db.apiToken.findUnique({
    where: { hash: hashToken(match[1]) },
    select: { id: true, name: true, scope: true, revokedAt: true },
  });
  if (!row || row.revokedAt) throw unauthorized("the API token is unknown or revoked");
  const scope = row.scope as Scope;
  if (!scopeAllows(scope, needed)) {
    throw forbidden(`this token has '${scope}' scope; this request needs '${needed}'`);
  }
  return { tokenId: row.id, name: row.name, scope };
}

// At start: install PROVSCOPE_ADMIN_TOKEN, or create the first admin token. Returns a token
// only when one was newly created, so the caller can print it once.
export async function ensureAdminToken(db: Db, fromEnv: string | undefined): Promise<string | null> {
  if (fromEnv) {
    const hash = hashToken(fromEnv);
    const existing = await db.apiToken.findUnique({ where: { hash }, select: { id: true } });
    if (!existing) await createToken(db, "admin (PROVSCOPE_ADMIN_TOKEN)", "admin", fromEnv);
    return null;
  }
  const anyAdmin = await db.apiToken.findFirst({ where: { scope: "admin", revokedAt: null }, select: { id: true } });
  if (anyAdmin) return null;
  const created = await createToken(db, "admin (first start)", "admin");
  return created.token;
}
