import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../../lib/testing/test-db";
import { restoreDatabase } from "./restore-db";

const dir = mkdtempSync(path.join(tmpdir(), "provscope-restore-"));
// Restore swaps SQLite files; on PostgreSQL it refuses (use pg_restore).
const onSqlite = !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const source = onSqlite ? createTestDb() : undefined;
afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

// A Provscope database as a backup would be: one self-contained file with one execution.
function backupFile(name: string): string {
  const raw = new Database(source!.file);
  raw.prepare(`INSERT OR IGNORE INTO "Pipeline" ("name") VALUES ('p')`).run();
  // createTestDb applies the migration SQL itself; `prisma migrate deploy` also keeps this table.
  raw.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY)`);
  raw.close();
  const file = path.join(dir, name);
  const db = new Database(source!.file, { readonly: true });
  db.exec(`VACUUM INTO '${file}'`);
  db.close();
  return file;
}

describe.runIf(onSqlite)("restoreDatabase", () => {
  it("checks the backup, keeps the replaced database and its journal, and puts the backup in place", async () => {
    const backup = backupFile("good.db");
    const target = path.join(dir, "live.db");
    writeFileSync(target, "old database");
    writeFileSync(`${target}-wal`, "old wal"); // must not be replayed into the restored file
    const r = await restoreDatabase(backup, target, new Date("2026-11-22T10:00:00Z"));
    expect(r.counts.Pipeline).toBe(1);
    expect(r.previous).toBe(`${target}.before-restore-2026-11-22T10-00-00-000Z`);
    expect(readFileSync(r.previous!, "utf8")).toBe("old database");
    expect(readFileSync(`${r.previous}-wal`, "utf8")).toBe("old wal");
    expect(existsSync(`${target}-wal`)).toBe(false);
    const restored = new Database(target, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(restored.prepare(`SELECT name FROM "Pipeline"`).all()).toEqual([{ name: "p" }]);
    restored.close();
  });

  it("refuses what is not a Provscope backup, and leaves the target alone", async () => {
    const target = path.join(dir, "untouched.db");
    writeFileSync(target, "keep me");
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database at all");
    await expect(restoreDatabase(text, target)).rejects.toThrow(/not a SQLite database/);
    const other = path.join(dir, "other.db");
    new Database(other).exec("CREATE TABLE t (x)");
    await expect(restoreDatabase(other, target)).rejects.toThrow(/not a Provscope database/);
    const corrupt = path.join(dir, "corrupt.db");
    copyFileSync(backupFile("for-corruption.db"), corrupt);
    const bytes = readFileSync(corrupt);
    bytes.fill(0x55, 4096, 8192); // scribble over the second page
    writeFileSync(corrupt, bytes);
    await expect(restoreDatabase(corrupt, target)).rejects.toThrow(/integrity_check|malformed|not a database/);
    expect(readFileSync(target, "utf8")).toBe("keep me");
    await expect(restoreDatabase(path.join(dir, "missing.db"), target)).rejects.toThrow(/no backup file/);
  });

  it("refuses while another process has the database open", async () => {
    const target = path.join(dir, "busy.db");
    copyFileSync(backupFile("busy-src.db"), target);
    const holder = spawn(process.execPath, ["-e", `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(target)}); d.prepare("SELECT 1").get(); console.log("open"); setTimeout(() => {}, 30000);`], {
      cwd: process.cwd(),
    });
    try {
      await new Promise((resolve) => holder.stdout.once("data", resolve));
      await expect(restoreDatabase(backupFile("busy-backup.db"), target)).rejects.toThrow(new RegExp(`open in process ${holder.pid}`));
    } finally {
      holder.kill();
    }
  });
});
