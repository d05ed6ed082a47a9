import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../testing/test-db";
import type { Db } from "./client";
import { provider } from "./sql";

// PostgreSQL syncs every commit by default (synchronous_commit = on); this is about SQLite.
describe.skipIf(provider() !== "sqlite")("the SQLite connection", () => {
  let t: ReturnType<typeof createTestDb>;
  let db: Db;
  beforeAll(() => {
    t = createTestDb();
    db = t.db;
  });
  afterAll(() => t.close());

  // An acknowledged batch must survive a power loss: every commit is synced to disk (FULL), not
  // only at checkpoints (NORMAL, better-sqlite3's default in WAL mode).
  it("runs in WAL mode and syncs every commit", async () => {
    expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await db.$queryRawUnsafe("PRAGMA synchronous")).toEqual([{ synchronous: 2n }]);
  });
});
