import "server-only";
import type { Db, Tx } from "./client";
import { provider } from "./sql";

// A read-then-write transaction that holds up when several server processes share one database.
//
// SQLite: a transaction that has read and then writes fails at once with SQLITE_BUSY_SNAPSHOT if
// another process wrote in between (its snapshot is stale; no busy wait can help). Taking the write
// lock with the first statement — what BEGIN IMMEDIATE does, which Prisma's adapter cannot issue —
// makes other processes wait their turn on the busy timeout instead.
//
// PostgreSQL: under READ COMMITTED two transactions can both find a row missing and both insert
// it; the second fails with a unique violation (or a deadlock / serialization failure). Re-running
// the whole transaction then finds the winner's row.
const TAKE_WRITE_LOCK = `UPDATE "IngestBatch" SET "applied" = "applied" WHERE 0 = 1`;

export async function writeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T> {
  const sqlite = provider() === "sqlite";
  return retryOnConflict(() =>
    db.$transaction(async (tx) => {
      if (sqlite) await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
      return fn(tx);
    }, options),
  );
}

const RETRYABLE_PRISMA = new Set(["P2002", "P2034"]); // unique constraint; write conflict or deadlock
const RETRYABLE_DRIVER = new Set(["23505", "40001", "40P01", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"]);

export function isWriteConflict(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (typeof e.code === "string" && (RETRYABLE_PRISMA.has(e.code) || RETRYABLE_DRIVER.has(e.code))) return true;
  const code = e.meta?.driverAdapterError?.cause?.originalCode ?? e.meta?.code;
  return typeof code === "string" && RETRYABLE_DRIVER.has(code);
}

export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isWriteConflict(err)) throw err;
      // Jittered backoff, so the losers do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * 2 ** attempt));
    }
  }
}
