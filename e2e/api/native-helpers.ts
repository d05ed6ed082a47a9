// Helpers for the client specs (client-c, client-python): run a client program, and run a second
// Provscope server on a port and database of our own that a test may kill and restart.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { ADMIN_TOKEN } from "../../playwright.config";
import { freshDatabase, type FreshDatabase } from "../database";
import { freePort } from "../../bench/server";
import { getJson } from "../fixtures";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export type Run = { code: number | null; stdout: string; stderr: string };

// A client process whose output the test can watch while it runs.
export function startProcess(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string> }) {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env } });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (out.stdout += d));
  child.stderr.on("data", (d) => (out.stderr += d));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, ...out })));
  return { child, out, done };
}

export function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<Run> {
  return startProcess(cmd, args, opts).done;
}

// `what` may be a function, read when the wait fails (e.g. the log of a server that never came up).
export async function waitFor(what: string | (() => string), cond: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === "function" ? what() : what}`);
}

export function tempDir(prefix: string) {
  return mkdtempSync(path.join(tmpdir(), `provscope-${prefix}-`));
}

// A server the test may kill (SIGKILL, as a crashed node would be) and start again on the same
// port and database (a fresh one of its own, on the suite's provider). It serves the build the Playwright web server made (NEXT_DIST_DIR), via
// `next start` directly: scripts/start.mjs could decide to rebuild that folder under the running
// web server.
export class RestartableServer {
  private child: ChildProcess | null = null;
  private log = "";

  private constructor(
    readonly port: number,
    private readonly database: FreshDatabase,
    private readonly ownsDatabase: boolean,
  ) {}

  // On a fresh database of its own, or on `database` (several servers sharing one, as behind a
  // load balancer; the caller then drops it).
  static async create(database?: FreshDatabase) {
    return new RestartableServer(await freePort(), database ?? (await freshDatabase("restart")), !database);
  }

  get dbUrl() {
    return this.database.url;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    const next = path.join(root, "node_modules/next/dist/bin/next");
    this.child = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(this.port)], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: this.dbUrl,
        PROVSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
        PROVSCOPE_DEMO: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      },
    });
    this.child.stdout?.on("data", (d) => (this.log += d));
    this.child.stderr?.on("data", (d) => (this.log += d));
    const child = this.child;
    await waitFor(() => `the server on port ${this.port} (log: ${this.log.slice(-1500)})`, async () => {
      if (child.exitCode !== null) throw new Error(`the server on port ${this.port} exited with ${child.exitCode} before it answered: ${this.log.slice(-1500)}`);
      try {
        return (await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).ok;
      } catch {
        return false;
      }
    }, 180_000); // `next start` can take over a minute to listen on a busy 2-core machine
  }

  async kill() {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGKILL");
    await exited;
    this.child = null;
  }

  async dispose() {
    await this.kill();
    if (this.ownsDatabase) await this.database.drop();
  }
}

type Bucket = { step: number; count: number };

// Every step 0..n-1 of the series is stored exactly once: full-resolution windows of 5,000 steps.
export async function expectExactlyOnce(request: APIRequestContext, base: string, execution: string, key: string, n: number, rank = 0) {
  const detail = await getJson(request, `${base}/api/v1/executions/${execution}`);
  expect(detail.series).toContainEqual(expect.objectContaining({ key, rank, count: n, minStep: 0, maxStep: n - 1 }));
  for (let from = 0; from < n; from += 5000) {
    const to = Math.min(n, from + 5000) - 1;
    const query = `execution=${execution}&key=${key}&rank=${rank}&from=${from}&to=${to}&buckets=10000`;
    const body = await getJson(request, `${base}/api/v1/series?${query}`);
    expect(body.fullResolution).toBe(true);
    const buckets = body.buckets as Bucket[];
    expect(buckets.length).toBe(to - from + 1);
    expect(buckets.every((b, i) => b.step === from + i && b.count === 1)).toBe(true);
  }
}

export async function seriesCount(request: APIRequestContext, base: string, execution: string): Promise<number> {
  const res = await request.get(`${base}/api/v1/executions/${execution}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (res.status() !== 200) return 0;
  const body = await res.json();
  return (body.series as Array<{ count: number }>).reduce((n, s) => n + s.count, 0);
}
