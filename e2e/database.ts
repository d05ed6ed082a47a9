// A fresh, migrated database for a test or bench that runs a server of its own: a new database on
// the same PostgreSQL server when the suite runs on PostgreSQL (E2E_DATABASE_URL is postgresql://),
// else a new SQLite file. Migrated with scripts/migrate.mjs, exactly as `npm start` does.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export type FreshDatabase = { url: string; provider: "sqlite" | "postgresql"; drop: () => Promise<void> };

export function suiteOnPostgres(): string | null {
  const url = process.env.E2E_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export async function freshDatabase(prefix: string, postgresUrl = suiteOnPostgres()): Promise<FreshDatabase> {
  let db: FreshDatabase;
  if (postgresUrl) {
    const name = `provscope_${prefix.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      provider: "postgresql",
      drop: async () => {
        const c = new pg.Client({ connectionString: postgresUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `provscope-${prefix}-`));
    db = { url: `file:${path.join(dir, "test.db")}`, provider: "sqlite", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const migrate = spawnSync(process.execPath, [path.join(root, "scripts/migrate.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrating ${db.url} failed: ${migrate.stdout}${migrate.stderr}`);
  return db;
}
