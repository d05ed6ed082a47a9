// `npm run test:postgres`: the unit and end-to-end suites again, on PostgreSQL. Uses the server in
// PROVSCOPE_TEST_POSTGRES_URL (a URL whose user may create databases) if set; otherwise starts a
// throwaway PostgreSQL cluster (scripts/test-postgres.sh) on a free port and stops it afterwards.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const helper = path.join(root, "scripts/test-postgres.sh");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function hasServerBinaries() {
  return existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

function step(name, cmd, args, env) {
  const started = Date.now();
  console.log(`\ntest:postgres: ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`test:postgres: ${name}: ${r.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return r.status === 0;
}

let serverUrl = process.env.PROVSCOPE_TEST_POSTGRES_URL;
let cluster = null;
if (!serverUrl) {
  if (!hasServerBinaries()) {
    console.error(
      [
        "test:postgres: no PostgreSQL server to test against.",
        "  Install the server binaries (Debian: sudo apt-get install -y postgresql-15), which this script starts",
        "  and stops by itself, or point it at a server whose user may create databases:",
        "    PROVSCOPE_TEST_POSTGRES_URL=postgresql://USER:PASSWORD@HOST:5432/postgres npm run test:postgres",
      ].join("\n"),
    );
    process.exit(1);
  }
  cluster = mkdtempSync(path.join(tmpdir(), "provscope-pg-"));
  const port = await freePort();
  const r = spawnSync("bash", [helper, "start", cluster, String(port)], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`test:postgres: could not start a PostgreSQL cluster: ${r.stderr}`);
    process.exit(1);
  }
  serverUrl = r.stdout.trim();
  console.log(`test:postgres: started a throwaway PostgreSQL cluster on port ${port}`);
}

let ok = false;
try {
  const e2eDb = `provscope_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${e2eDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${e2eDb}`);
  await admin.end();
  const e2eUrl = new URL(serverUrl);
  e2eUrl.pathname = `/${e2eDb}`;

  const unit = step("unit tests on PostgreSQL", process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run"], {
    DATABASE_URL: serverUrl,
  });
  const e2e = step("end-to-end tests on PostgreSQL", process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test"], {
    E2E_DATABASE_URL: e2eUrl.toString(),
  });
  ok = unit && e2e;
} finally {
  if (cluster) {
    spawnSync("bash", [helper, "stop", cluster], { stdio: "inherit" });
    rmSync(cluster, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);
