import { afterAll, describe, expect, it } from "vitest";
import { ApiError } from "../http/errors";
import { createTestDb } from "../testing/test-db";
import { revokeToken } from "./manage-tokens";
import { createClient } from "../db/client";
import { provider } from "../db/sql";
import { hashToken } from "./token-hash";
import { authenticate, createToken, ensureAdminToken, LAST_USED_RESOLUTION_MS } from "./tokens";

const t = createTestDb();
afterAll(() => t.close());

const lastUsed = async (id: number) => (await t.db.apiToken.findUnique({ where: { id }, select: { lastUsedAt: true } }))!.lastUsedAt;

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe("tokens", () => {
  it("stores only a hash and a prefix", async () => {
    const { token, id } = await createToken(t.db, "ci", "write");
    const row = await t.db.apiToken.findUnique({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.prefix).toBe(token.slice(0, 8));
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  // Servers behind a load balancer start together on one database; on PostgreSQL through two
  // connections, as two processes would (two SQLite connections in one process would block each
  // other's thread; that case runs end to end in e2e/api/scale-out.spec.ts).
  it("installs PROVSCOPE_ADMIN_TOKEN exactly once when several servers start at once", async () => {
    const fromEnv = "pvs_env_admin_token_for_the_race_0123";
    const clients = provider() === "postgresql" ? [t.db, createClient(t.file)] : [t.db];
    try {
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => ensureAdminToken(clients[i % clients.length], fromEnv)));
      expect(created).toEqual(Array(8).fill(null)); // nothing new to print: the token is the operator's
      expect(await t.db.apiToken.count({ where: { hash: hashToken(fromEnv) } })).toBe(1);
      const { scope } = await authenticate(t.db, `Bearer ${fromEnv}`, "admin");
      expect(scope).toBe("admin");
    } finally {
      for (const c of clients.slice(1)) await c.$disconnect();
    }
  });

  it("records when a token was last used, at most once per resolution", async () => {
    const { token, id } = await createToken(t.db, "recorder", "read");
    expect(await lastUsed(id)).toBeNull();
    await authenticate(t.db, `Bearer ${token}`, "read");
    await expect.poll(() => lastUsed(id)).not.toBeNull();
    const first = (await lastUsed(id))!.getTime();
    await authenticate(t.db, `Bearer ${token}`, "read");
    await new Promise((r) => setTimeout(r, 50));
    expect((await lastUsed(id))!.getTime()).toBe(first); // within the minute: no second write
    expect(LAST_USED_RESOLUTION_MS).toBe(60_000);
  });

  it("refuses revoked tokens with 401 and too small a scope with 403", async () => {
    const { token, id } = await createToken(t.db, "short-lived", "read");
    expect((await refusal(authenticate(t.db, `Bearer ${token}`, "write"))).status).toBe(403);
    await revokeToken(t.db, id);
    const e = await refusal(authenticate(t.db, `Bearer ${token}`, "read"));
    expect([e.status, e.message]).toEqual([401, "the API token is unknown or revoked"]);
    expect((await refusal(authenticate(t.db, null, "read"))).status).toBe(401);
    expect((await refusal(authenticate(t.db, "Basic abc", "read"))).status).toBe(401);
  });
});
