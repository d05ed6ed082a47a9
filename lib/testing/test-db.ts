import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createClient, postgresPool, type Db } from "../db/client";
import { databaseProvider } from "../env";

// import.meta.url, not __dirname: under tsx the generated Prisma client defines its own __dirname.
const PRISMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma");

export type TestDb = { db: Db; file: string; close: () => Promise<void> };

// A real, empty, migrated database per test suite, removed afterwards: a SQLite file by default,
// or — when DATABASE_URL is a postgresql:// URL (the suite's PostgreSQL run) — a fresh database on
// that server. Both get the same SQL that production's migrations apply.
export function createTestDb(): TestDb {
  const url = process.env.DATABASE_URL;
  return url && databaseProvider(url) === "postgresql" ? createPostgresTestDb(url) : createSqliteTestDb();
}

function migrations(provider: "sqlite" | "postgresql"): string[] {
  const dir = path.join(PRISMA, provider, "migrations");
  return readdirSync(dir)
    .filter((d) => !d.endsWith(".toml"))
    .sort()
    .map((m) => readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
}

function createSqliteTestDb(): TestDb {
  const dir = mkdtempSync(path.join(tmpdir(), "provscope-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  for (const sql of migrations("sqlite")) raw.exec(sql);
  raw.close();
  const db = createClient(`file:${file}`);
  return {
    db,
    file,
    close: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// psql, run synchronously, keeps createTestDb() synchronous for both providers.
function psql(url: string, input: string) {
  const r = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url], { input, encoding: "utf8" });
  if (r.error) throw new Error(`createTestDb: cannot run psql (${r.error.message}); install the PostgreSQL client`);
  if (r.status !== 0) throw new Error(`createTestDb: psql failed: ${r.stderr}`);
}

function createPostgresTestDb(serverUrl: string): TestDb {
  const name = `provscope_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  psql(serverUrl, `CREATE DATABASE ${name};`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  psql(url.toString(), migrations("postgresql").join("\n"));
  const db = createClient(url.toString());
  return {
    db,
    file: url.toString(),
    close: async () => {
      await db.$disconnect();
      await postgresPool(db)?.end();
      psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE);`);
    },
  };
}
