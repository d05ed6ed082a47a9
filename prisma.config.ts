import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI (migrate deploy/diff, generate) runs on the JavaScript engines through a driver
// adapter: the native engines cannot be downloaded on an air-gapped node. The provider follows
// DATABASE_URL; each provider has its own derived schema and migrations under prisma/<provider>/.
const url = process.env.DATABASE_URL ?? "file:./data/provscope.db";
const provider = url.startsWith("file:") ? "sqlite" : "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider, "schema.prisma"),
  async adapter() {
    return provider === "sqlite" ? new PrismaBetterSQLite3({ url }) : new PrismaPg({ connectionString: url });
  },
});
