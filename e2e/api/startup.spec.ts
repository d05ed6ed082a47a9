import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { test, expect } from "../fixtures";
import { freshDatabase } from "../database";

// Start-up: migrations apply cleanly to an empty database and a second run changes nothing; a
// wrong DATABASE_URL stops `npm start` with one line saying what is wrong, never a stack trace.

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

function node(script: string, databaseUrl: string) {
  return spawnSync(process.execPath, [path.join(root, script)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "1", NEXT_DIST_DIR: ".next-never-built" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

test("migrations apply to an empty database, and applying them again is a no-op", async () => {
  const db = await freshDatabase("migrate"); // applies every migration once
  try {
    const again = node("scripts/migrate.mjs", db.url);
    expect(again.status, again.stderr).toBe(0);
    if (db.provider === "postgresql") {
      expect(again.stdout).toMatch(/^0 migration\(s\) applied, \d+ already in place/m);
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
      const tables = await c.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Execution'`);
      await c.end();
      expect(rows[0].n).toBeGreaterThan(0);
      expect(tables.rows[0].n).toBe(1);
    } else {
      expect(again.stdout).toMatch(/No pending migrations/);
    }
  } finally {
    await db.drop();
  }
});

for (const [what, url, message] of [
  ["a PostgreSQL server that is not running", "postgresql://provscope@127.0.0.1:1/provscope", /cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/],
  ["an unsupported database", "mysql://root@127.0.0.1/provscope", /DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql:\/\//],
  ["a URL that does not parse", "postgresql://", /DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql:\/\//],
] as const) {
  test(`npm start with ${what} says so in one line`, () => {
    const r = node("scripts/start.mjs", url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
  });
}
