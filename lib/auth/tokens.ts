import "server-only";
import type { Db, Tx } from "../db/client";
import { writeTransaction } from "../db/write-transaction";
import { forbidden, unauthorized } from "../http/errors";
import { generateToken, hashToken, scopeAllows, tokenPrefix, type Scope } from "./token-hash";

export type Principal = { tokenId: number; name: string; scope: Scope };

const insertToken = (tx: Tx, name: string, scope: Scope, token: string) =>
  tx.apiToken.create({
    data: { name, scope, hash: hashToken(token), prefix: tokenPrefix(token) },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
  });

export async function createToken(db: Db, name: string, scope: Scope, token = generateToken()) {
  // Inside a transaction even alone: on the shared SQLite connection only transactions wait for
  // one another, and a bare write could land inside (and be rolled back with) another request's.
  const row = await db.$transaction((tx) => insertToken(tx, name, scope, token));
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
    select: { id: true, name: true, scope: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw unauthorized("the API token is unknown or revoked");
  noteUse(db, row.id, row.lastUsedAt);
  const scope = row.scope as Scope;
  if (!scopeAllows(scope, needed)) {
    throw forbidden(`this token has '${scope}' scope; this request needs '${needed}'`);
  }
  return { tokenId: row.id, name: row.name, scope };
}

// "Last used" tells an admin which tokens are dead weight; minute precision is plenty, and
// writing it on every request would turn each read into a write. The write is not awaited: a
// request never waits for (or fails because of) this bookkeeping.
export const LAST_USED_RESOLUTION_MS = 60_000;
const noted = new Map<number, number>();

function noteUse(db: Db, id: number, lastUsedAt: Date | null, now = Date.now()) {
  const last = Math.max(lastUsedAt?.getTime() ?? 0, noted.get(id) ?? 0);
  if (now - last < LAST_USED_RESOLUTION_MS) return;
  noted.set(id, now);
  // A transaction, not a bare write: see createToken.
  db.$transaction((tx) => tx.apiToken.update({ where: { id }, data: { lastUsedAt: new Date(now) }, select: { id: true } })).catch((err: unknown) => {
    noted.delete(id);
    console.error(`provscope: could not record the use of API token ${id}: ${(err as Error).message}`);
  });
}

// At start: install PROVSCOPE_ADMIN_TOKEN, or create the first admin token. Returns a token
// only when one was newly created, so the caller can print it once. Several servers may start at
// once on one database: the check and the insert are one write transaction, re-run on a conflict,
// so a server that loses the race finds the winner's token instead of failing to start.
export async function ensureAdminToken(db: Db, fromEnv: string | undefined): Promise<string | null> {
  return writeTransaction(
    db,
    async (tx) => {
      if (fromEnv) {
        const existing = await tx.apiToken.findUnique({ where: { hash: hashToken(fromEnv) }, select: { id: true } });
        if (!existing) await insertToken(tx, "admin (PROVSCOPE_ADMIN_TOKEN)", "admin", fromEnv);
        return null;
      }
      const anyAdmin = await tx.apiToken.findFirst({ where: { scope: "admin", revokedAt: null }, select: { id: true } });
      if (anyAdmin) return null;
      const token = generateToken();
      await insertToken(tx, "admin (first start)", "admin", token);
      return token;
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
