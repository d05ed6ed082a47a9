// Applies prisma/postgresql/migrations to the database in DATABASE_URL, the way `prisma migrate
// deploy` would: Prisma 6's migrate cannot run through the PostgreSQL driver adapter (it fails to
// read the `name` column type — prisma/prisma#27403) and its native engine cannot be downloaded here.
// Applied migrations are recorded in Prisma's own `_prisma_migrations` table, so the history stays
// readable by Prisma. An advisory lock makes concurrent starts of several servers safe: one applies,
// the others wait and then find nothing to do. Each migration runs in its own transaction.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MIGRATIONS = path.join(root, "prisma/postgresql/migrations");
const LOCK_KEY = 72707369; // any constant shared by every Provscope server: pg_advisory_lock(key)

export async function migratePostgres(url, log = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(
      `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const names = readdirSync(MIGRATIONS).filter((d) => !d.endsWith(".toml")).sort();
    let count = 0;
    for (const name of names) {
      const sql = readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) {
          throw new Error(`migration ${name} was edited after it was applied to this database; restore the original file`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${err.message}`);
      }
      count++;
    }
    log(`${count} migration(s) applied, ${names.length - count} already in place`);
  } finally {
    await client.end();
  }
}

// Turns a connection failure into one line a user can act on.
export function describePgError(err, url) {
  const u = new URL(url);
  const where = `PostgreSQL at ${u.hostname}:${u.port || 5432}`;
  const db = decodeURIComponent(u.pathname.slice(1)) || "(default)";
  switch (err?.code) {
    case "ECONNREFUSED":
      return `cannot connect to ${where}: connection refused. Is the server running and is DATABASE_URL's host:port right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot resolve the host of ${where}. Check DATABASE_URL.`;
    case "3D000":
      return `database "${db}" does not exist on ${where}. Create it first: createdb -h ${u.hostname} -p ${u.port || 5432} ${db}`;
    case "28P01":
    case "28000":
      return `${where} refused the credentials in DATABASE_URL (${err.message}).`;
    default:
      return `${where}: ${err?.message ?? err}`;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL ?? "";
  try {
    await migratePostgres(url);
  } catch (err) {
    console.error(`provscope: ${err.code ? describePgError(err, url) : err.message}`);
    process.exit(1);
  }
}
