import "server-only";
import { randomBytes } from "node:crypto";
import { open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { databaseProvider, env } from "../env";
import { ApiError } from "../http/errors";

// GET /api/v1/admin/backup: a consistent copy of the SQLite database, taken while the server keeps
// ingesting, streamed to the caller (so `provscope backup FILE` works from any machine that can
// reach the server, e.g. a login node, without access to the server's disk).
//
// SQLite's online backup API copies the database page by page. Done in small steps from another
// connection, it starts over whenever a writer commits in between, which under continuous ingest
// may never finish; so the copy is made in one step, which reads one snapshot. In WAL mode writers
// carry on meanwhile; in rollback-journal mode they wait for the copy, within their 30 s busy
// timeout (the copy took 5 s for 525 MB on a busy 2-core machine: WAL is the mode for big
// databases). One step blocks its thread for the length of the copy, so it runs in a worker thread
// and the server keeps answering. The copy is then checked (PRAGMA quick_check) before a
// byte of it is sent.

export type Backup = { stream: ReadableStream<Uint8Array>; bytes: number; filename: string; pages: number };

export function sqliteFile(url = env().DATABASE_URL): string {
  if (databaseProvider(url) !== "sqlite") {
    throw new ApiError(
      409,
      "unsupported_database",
      "this server runs on PostgreSQL; online backup covers SQLite only: for PostgreSQL use pg_dump (e.g. pg_dump --format=custom \"$DATABASE_URL\" > provscope.dump) and pg_restore",
    );
  }
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

export async function createBackup(source = sqliteFile(), now = new Date()): Promise<Backup> {
  // Beside the database, not in /tmp: it has room for the database (tmpfs on a node may not).
  const copy = path.join(path.dirname(source), `.provscope-backup-${randomBytes(6).toString("hex")}.db`);
  try {
    const { pages } = await copyInWorker(source, copy);
    const handle = await open(copy, "r");
    const { size } = await stat(copy);
    // Unlinked at once: the open handle keeps the bytes until the download ends or is abandoned,
    // and nothing is left behind if the server dies meanwhile.
    await rm(copy, { force: true });
    const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    return { stream, bytes: size, pages, filename: `provscope-backup-${stamp}.db` };
  } catch (err) {
    await rm(copy, { force: true });
    throw err;
  }
}

// The worker is plain CommonJS (eval), so it needs no bundling: it loads better-sqlite3 as the
// server does, at run time.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
(async () => {
  const src = new Database(workerData.source, { fileMustExist: true });
  let pages = 0;
  try {
    await src.backup(workerData.copy, { progress: (p) => { pages = p.totalPages; return 0x7fffffff; } });
  } finally {
    src.close();
  }
  // A backup of a WAL database is a WAL database; make it one self-contained file.
  const copy = new Database(workerData.copy);
  copy.pragma("journal_mode = DELETE");
  const check = copy.pragma("quick_check", { simple: true });
  copy.close();
  parentPort.postMessage({ pages, check });
})().catch((err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

type WorkerAnswer = { pages: number; check: string } | { error: string };

function copyInWorker(source: string, copy: string): Promise<{ pages: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, copy } });
    worker.once("message", (answer: WorkerAnswer) => {
      void worker.terminate();
      if ("error" in answer) reject(new Error(`backup failed: ${answer.error}`));
      else if (answer.check !== "ok") reject(new Error(`the backup copy failed its integrity check: ${answer.check}`));
      else resolve({ pages: answer.pages });
    });
    worker.once("error", reject);
  });
}
