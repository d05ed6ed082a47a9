// A Provscope server of a test's own (port, SQLite file, environment), for the reliability and
// security specs: they kill it, restart it, run it with PROVSCOPE_PUBLIC_READ, or compare its whole
// database before and after, none of which may disturb the shared e2e server. It serves the build
// the Playwright web server made (NEXT_DIST_DIR) with `next start`, as native-helpers.ts does.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect } from "@playwright/test";
import { ADMIN_TOKEN } from "../../playwright.config";
import { freePort } from "../../bench/server";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export type ServerOptions = {
  env?: Record<string, string>;
  // An existing database file (e.g. a restored backup); by default a fresh one in a temp folder.
  dbFile?: string;
};

export class OwnServer {
  readonly dir = mkdtempSync(path.join(tmpdir(), "provscope-sec-"));
  readonly dbFile: string;
  private child: ChildProcess | null = null;
  private output = "";

  private constructor(
    readonly port: number,
    private readonly options: ServerOptions,
  ) {
    this.dbFile = options.dbFile ?? path.join(this.dir, "sec.db");
  }

  // Migrates the database (as `npm start` would) and starts the server.
  static async start(options: ServerOptions = {}): Promise<OwnServer> {
    const server = new OwnServer(await freePort(), options);
    const migrate = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${server.dbFile}` },
      encoding: "utf8",
    });
    expect(migrate.status, `${migrate.stdout}${migrate.stderr}`).toBe(0);
    await server.restart();
    return server;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  log() {
    return this.output;
  }

  async restart() {
    const next = path.join(root, "node_modules/next/dist/bin/next");
    const child = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(this.port)], {
      cwd: root,
      detached: true, // its own process group: kill() ends every process it started
      env: {
        ...process.env,
        DATABASE_URL: `file:${this.dbFile}`,
        PROVSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
        PROVSCOPE_DEMO: "0",
        PROVSCOPE_MAX_BODY_BYTES: String(8 * 1024 * 1024),
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        ...this.options.env,
      },
    });
    this.child = child;
    child.stdout?.on("data", (d) => (this.output += d));
    child.stderr?.on("data", (d) => (this.output += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output.slice(-2000)}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server on port ${this.port} not ready in 60 s:\n${this.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // SIGKILL, as a crashed node or an OOM kill would end it: no shutdown code runs.
  async kill(signal: NodeJS.Signals = "SIGKILL") {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, signal);
    await exited;
    this.child = null;
  }

  async dispose() {
    await this.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }

  async call(method: string, url: string, options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {}) {
    const token = options.token === undefined ? ADMIN_TOKEN : options.token;
    const res = await fetch(`${this.url}${url}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string } }, text, headers: res.headers };
  }
}

// Row count and a content hash of every table, read from the SQLite file directly (read-only).
// `lastUsedAt` is left out: authenticating a request is allowed to touch it.
export function dbFingerprint(file: string): Record<string, string> {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>;
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
      const hash = createHash("sha256");
      for (const row of rows) {
        if (name === "ApiToken") delete row.lastUsedAt;
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v)));
      }
      out[name] = `${rows.length} rows ${hash.digest("hex").slice(0, 16)}`;
    }
    return out;
  } finally {
    raw.close();
  }
}
