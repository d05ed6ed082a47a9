// `npm run db:migrate`: brings the database in DATABASE_URL up to date with the committed migrations.
// SQLite goes through `prisma migrate deploy`; PostgreSQL through scripts/migrate-postgres.mjs (see why
// there). Errors come out as one line that says what to fix, never a stack trace.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describePgError, migratePostgres } from "./migrate-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL || "file:./data/provscope.db";

if (url.startsWith("file:")) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    const reason = `${r.stdout}\n${r.stderr}`.split("\n").find((l) => /^Error/.test(l)) ?? `exit ${r.status}`;
    console.error(`provscope: migrating ${url} failed: ${reason}\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  console.log(r.stdout.split("\n").filter((l) => /migration|applied|No pending/i.test(l)).join("\n"));
} else if (/^postgres(ql)?:\/\//.test(url)) {
  try {
    await migratePostgres(url);
  } catch (err) {
    console.error(`provscope: ${err.code ? describePgError(err, url) : err.message}`);
    process.exit(1);
  }
} else {
  console.error("provscope: DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql://USER@HOST:PORT/DB' URL");
  process.exit(1);
}
