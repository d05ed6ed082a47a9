// `npm start`: generate the Prisma client if missing, migrate the database, build if the sources
// changed since the last build, and serve on HOST:PORT. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || "file:./data/provscope.db",
  NEXT_TELEMETRY_DISABLED: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);

function run(step, args, { quiet = false } = {}) {
  const started = Date.now();
  process.stdout.write(`provscope: ${step}…\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ""}${r.stderr ?? ""}`);
    console.error(`provscope: ${step} failed (exit ${r.status}). See the messages above.`);
    process.exit(1);
  }
  process.stdout.write(`provscope: ${step} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (!existsSync(path.join(root, "lib/db/generated/postgresql/client.ts"))) {
  run("generating the database client", [path.join(root, "scripts/prisma-generate.mjs")]);
}

const isPostgres = (u) => /^postgres(ql)?:\/\//.test(u) && URL.canParse(u) && new URL(u).hostname !== "";
if (!env.DATABASE_URL.startsWith("file:") && !isPostgres(env.DATABASE_URL)) {
  console.error("provscope: DATABASE_URL must be a SQLite 'file:PATH' URL or a 'postgresql://USER:PASSWORD@HOST:PORT/DB' URL");
  process.exit(1);
}
if (env.DATABASE_URL.startsWith("file:")) {
  const file = path.resolve(root, env.DATABASE_URL.slice("file:".length));
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`provscope: database ${file}`);
} else {
  // The password never reaches the log.
  const u = new URL(env.DATABASE_URL);
  console.log(`provscope: database PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`);
}
run("applying database migrations", [path.join(root, "scripts/migrate.mjs")], { quiet: true });

// Rebuild only when a source file is newer than the last build: a fresh clone builds once.
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package.json", "postcss.config.mjs", "instrumentation.ts"];
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const stampFile = path.join(distDir, "provscope-build-stamp");
function newestSource(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  if (p.endsWith(`${path.sep}generated`)) return 0;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestSource(path.join(p, f))), s.mtimeMs);
}
if (!dev) {
  const newest = Math.max(...SOURCES.map((s) => newestSource(path.join(root, s))));
  const built = existsSync(stampFile) ? Number(readFileSync(stampFile, "utf8")) : 0;
  if (!existsSync(path.join(distDir, "BUILD_ID")) || newest > built) {
    run("building the dashboard (first start or changed sources, ~1–2 min)", [bin("next", "dist/bin/next"), "build"]);
    writeFileSync(stampFile, String(newest));
  }
}

console.log(`provscope: serving on http://${host}:${port}`);
const server = spawn(process.execPath, [bin("next", "dist/bin/next"), dev ? "dev" : "start", "-H", host, "-p", port], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
