import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createClient, type Db } from "../db/client";

// import.meta.url, not __dirname: under tsx the generated Prisma client defines its own __dirname.
const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/sqlite/migrations");

// A real SQLite file per test suite, migrated with the same SQL that `prisma migrate deploy`
// applies in production, and removed afterwards.
export function createTestDb(): { db: Db; file: string; close: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), "provscope-test-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  for (const m of readdirSync(MIGRATIONS).filter((d) => !d.endsWith(".toml")).sort()) {
    raw.exec(readFileSync(path.join(MIGRATIONS, m, "migration.sql"), "utf8"));
  }
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
