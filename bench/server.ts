// A real production server for benches: `node scripts/start.mjs` (migrate, build if needed, serve)
// on a free loopback port, a fresh SQLite file, a known admin token and its own build folder.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type BenchServer = {
  url: string;
  token: string;
  dbFile: string;
  log: () => string;
  // CPU seconds the server's processes have used so far (Linux): a cost per request that stays
  // comparable when other work shares the machine, unlike throughput.
  cpuSeconds: () => number;
  stop: () => Promise<void>;
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const START_TIMEOUT_MS = 600_000; // the first start builds into .next-bench (1–3 min on 2 cores)

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

// Benches started at the same time share one build folder; `next build` refuses to run twice in it,
// so a start that lost that race waits for the other build and tries again (then reuses it).
export async function startServer(env: Record<string, string> = {}): Promise<BenchServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (err) {
      if (!(err instanceof BuildBusy) || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 15_000));
    }
  }
}

class BuildBusy extends Error {}

async function startOnce(env: Record<string, string>): Promise<BenchServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "provscope-bench-"));
  const dbFile = path.join(dir, "bench.db");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const token = "pvs_bench_admin_token_0123456789abcdef";
  const log = openSync(logFile, "a");
  // Its own process group, so stop() ends start.mjs and the Next.js server it spawned together.
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      PROVSCOPE_ADMIN_TOKEN: token,
      PROVSCOPE_DEMO: "0",
      // BENCH_DIST_DIR gives a bench run a build folder of its own.
      NEXT_DIST_DIR: process.env.BENCH_DIST_DIR || ".next-bench",
      ...env,
    },
  });
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => (exited === null ? child.once("exit", r) : r(null)));
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
      await stop();
      if (tail.includes("Another next build process is already running")) throw new BuildBusy(tail);
      throw new Error(`bench server exited with code ${exited} before it was ready:\n${tail}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bench server not ready after ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, token, dbFile, log: () => readFileSync(logFile, "utf8"), cpuSeconds: () => groupCpuSeconds(child.pid!), stop };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

// utime + stime of every process in the group (fields 14 and 15 of /proc/PID/stat).
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLOCK_TICKS;
}
