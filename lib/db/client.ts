import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/sqlite/client";
import { env } from "../env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { provscopeDb?: PrismaClient };

// One client per process: Next.js dev reloads modules, which would otherwise open a new
// SQLite connection (and a new set of locks) on every edit.
export function db(): PrismaClient {
  if (!globalForDb.provscopeDb) globalForDb.provscopeDb = createClient(env().DATABASE_URL);
  return globalForDb.provscopeDb;
}

export function createClient(url: string): PrismaClient {
  // better-sqlite3 waits up to `timeout` ms for a lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 30_000 });
  return new PrismaClient({ adapter });
}
