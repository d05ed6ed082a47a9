// `provscope restore`: put a backup (from `provscope backup`) in place of the server's SQLite file.
// Runs on the server's machine with the server stopped; it checks the backup before touching
// anything and keeps the database it replaces.
import { copyFile, open, readdir, readlink, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./command";

export type RestoreResult = { database: string; previous: string | null; counts: Record<string, number> };

const SIDE_FILES = ["-wal", "-shm", "-journal"];
const MAGIC = "SQLite format 3\u0000";

export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<RestoreResult> {
  const source = path.resolve(backup);
  const dest = path.resolve(target);
  if (!(await exists(source))) throw new UsageError(`no backup file ${source}`);
  await requireSqliteHeader(source);
  const holder = await openedBy(dest);
  if (holder) throw new Error(`the database ${dest} is open in process ${holder} (a running Provscope server?): stop it first, then restore`);

  // Checked on a copy beside the target (same file system, so the final rename is atomic).
  const staged = `${dest}.restoring-${process.pid}`;
  await copyFile(source, staged);
  try {
    const counts = await check(staged);
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    let previous: string | null = null;
    if (await exists(dest)) {
      previous = `${dest}.before-restore-${stamp}`;
      await rename(dest, previous);
    }
    // A -wal or -journal left by the old database would be replayed into the restored one.
    for (const suffix of SIDE_FILES) {
      if (await exists(dest + suffix)) await rename(dest + suffix, `${previous ?? `${dest}.before-restore-${stamp}`}${suffix}`);
    }
    await rename(staged, dest);
    return { database: dest, previous, counts };
  } catch (err) {
    await rm(staged, { force: true });
    throw err;
  }
}

async function requireSqliteHeader(file: string) {
  const handle = await open(file, "r");
  try {
    const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    if (buffer.toString("latin1") !== MAGIC) throw new Error(`${file} is not a SQLite database (no SQLite header); was it written by provscope backup?`);
  } finally {
    await handle.close();
  }
}

// Integrity and identity: PRAGMA integrity_check must say ok, and the file must hold Provscope's
// tables (the migrations table lets the next start bring an older backup up to date).
async function check(file: string): Promise<Record<string, number>> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  try {
    db.pragma("journal_mode = DELETE");
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the backup fails PRAGMA integrity_check: ${String(integrity)}`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    for (const t of ["_prisma_migrations", "Execution", "IngestBatch", "ApiToken"]) {
      if (!tables.has(t)) throw new Error(`the backup is not a Provscope database (no ${t} table)`);
    }
    const counts: Record<string, number> = {};
    for (const t of ["Pipeline", "Execution", "Artifact", "Series", "RegisteredModel", "IngestBatch"]) {
      if (tables.has(t)) counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

// Linux: a process holding the database (or its journal) open, found through /proc/PID/fd.
// Elsewhere (or for other users' processes) nothing is found, and the documentation's "stop the
// server first" is the only guard.
async function openedBy(file: string): Promise<number | null> {
  const wanted = new Set([file, ...SIDE_FILES.map((s) => file + s)]);
  let pids: string[];
  try {
    pids = (await readdir("/proc")).filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      if (wanted.has(target)) return Number(pid);
    }
  }
  return null;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
