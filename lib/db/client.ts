import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, env } from "../env";

// Both generated clients come from one schema, so they have the same models and methods; the
// SQLite client's type stands for both.
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { provscopeDb?: PrismaClient };

// One client per process: Next.js dev reloads modules, which would otherwise open a new
// connection (and on SQLite a new set of locks) on every edit.
export function db(): PrismaClient {
  if (!globalForDb.provscopeDb) globalForDb.provscopeDb = createClient(env().DATABASE_URL);
  return globalForDb.provscopeDb;
}

export function createClient(url: string): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    // Each server process holds at most `max` connections: N servers need N × max below the
    // PostgreSQL server's max_connections (README, "Running at scale").
    const pool = new pg.Pool({ connectionString: url, max: env().PROVSCOPE_PG_POOL_SIZE });
    // An idle connection the server drops (restart, failover) must not take the process down; the
    // pool opens a new one on the next query.
    pool.on("error", (err) => console.error(`provscope: PostgreSQL connection lost: ${err.message}`));
    const client = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
    pools.set(client, pool);
    return client;
  }
  // better-sqlite3 waits up to `timeout` ms for a lock instead of failing with SQLITE_BUSY.
  const factory = new PrismaBetterSQLite3({ url, timeout: 30_000 });
  let driver: BetterSqlite3.Database | undefined;
  // The same factory, noting the better-sqlite3 connection it opens (see sqliteDriver).
  const adapter = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      driver = (connection as unknown as { client: BetterSqlite3.Database }).client;
      // WAL: readers (dashboard, chunk reader, online backup) never block the writer, and a commit
      // appends to the log instead of rewriting pages. synchronous FULL: an acknowledged batch
      // survives a power loss, not only a crash of the server. better-sqlite3 is built to drop to
      // NORMAL in WAL mode (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1), so it is set after the mode.
      driver.pragma("journal_mode = WAL");
      driver.pragma("synchronous = FULL");
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } satisfies Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;
  const client = new PrismaClient({ adapter: adapter as unknown as PrismaBetterSQLite3 });
  drivers.set(client, () => driver);
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

// The `pg` pool a PostgreSQL client runs on (undefined on SQLite), for reads Prisma makes slow.
export function postgresPool(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

const drivers = new WeakMap<PrismaClient, () => BetterSqlite3.Database | undefined>();

// The better-sqlite3 connection a SQLite client runs on (undefined on PostgreSQL, or before the
// client's first query). Statements on it join whatever transaction the client has open, which is
// what lets hot paths write blobs without Prisma's per-byte JSON encoding.
export function sqliteDriver(client: PrismaClient): BetterSqlite3.Database | undefined {
  return drivers.get(client)?.();
}
