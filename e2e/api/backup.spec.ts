import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect, uniq } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { OwnServer, root } from "./sec-server";
import { run } from "./native-helpers";

// Backup and restore: `provscope backup FILE` while 4 clients keep ingesting, `provscope restore`
// into a fresh location, a server started on it. The restored database is intact and every batch
// in it is whole or absent — never half a batch.

const CLIENTS = 4;
const POINTS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cli = (args: string[], url: string, env: Record<string, string> = {}) =>
  run(process.execPath, [path.join(root, "ingest/ts/bin/provscope.mjs"), "--url", url, ...args], { cwd: root, env: { PROVSCOPE_TOKEN: ADMIN_TOKEN, ...env } });

function batch(execution: string, k: number) {
  return {
    batchId: `${execution}-b${k}`,
    ops: [
      { op: "execution.start", pipeline: "backup-test", stage: "train", execution },
      { op: "series", execution, key: "loss", steps: Array.from({ length: POINTS }, (_, j) => k * POINTS + j), values: Array.from({ length: POINTS }, (_, j) => 1 / (1 + j)) },
      { op: "artifact", execution, direction: "output", type: "other", name: `${execution}-b${k}`, hash: `sha256:${execution}-${k}` },
      { op: "metrics", execution, values: { last_batch: k } },
    ],
  };
}

test("backup during ingest → restore → a consistent database where every batch is whole or absent", async () => {
  test.setTimeout(240_000);
  const source = await OwnServer.start();
  let restored: OwnServer | null = null;
  const prefix = uniq("backup");
  const executions = Array.from({ length: CLIENTS }, (_, c) => `${prefix}-c${c}`);
  const acked = executions.map(() => 0);
  let stop = false;
  try {
    const clients = executions.map(async (execution, c) => {
      for (let k = 0; !stop; k++) {
        const res = await source.call("POST", "/api/v1/batches", { body: batch(execution, k) });
        expect(res.status, res.text).toBe(200);
        acked[c] = k + 1;
      }
    });
    await expect.poll(() => Math.min(...acked), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);

    // Two backups while ingest runs: the CLI's, and one straight from the endpoint.
    const file = path.join(source.dir, "provscope.backup.db");
    const ackedBeforeBackup = [...acked];
    const backup = await cli(["backup", file], source.url);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*checked/);
    const ackedAtBackup = [...acked];
    const http = await fetch(`${source.url}/api/v1/admin/backup`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(http.status).toBe(200);
    expect(http.headers.get("content-disposition")).toMatch(/attachment; filename="provscope-backup-.*\.db"/);
    expect(Buffer.from(await http.arrayBuffer()).subarray(0, 15).toString()).toBe("SQLite format 3");
    await sleep(500);
    stop = true;
    await Promise.all(clients);
    expect(Math.min(...acked.map((n, i) => n - ackedAtBackup[i]))).toBeGreaterThan(0); // ingest went on during the backup

    // Restore while the target is open by a running server: refused. Into a fresh place: done.
    const busy = await cli(["restore", file, "--database", source.dbFile], source.url);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/is open in process \d+ .*stop it first/);
    const target = path.join(source.dir, "restored", "provscope.db");
    await import("node:fs/promises").then((fs) => fs.mkdir(path.dirname(target)));
    const restore = await cli(["restore", file, "--database", target], source.url);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/integrity ok/);

    const raw = new Database(target, { readonly: true });
    let present: Map<string, Set<number>>;
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = (raw.prepare(`SELECT "batchId" FROM "IngestBatch" WHERE "batchId" LIKE ?`).all(`${prefix}-%`) as Array<{ batchId: string }>).map((r) => r.batchId);
      present = new Map(executions.map((e) => [e, new Set(ids.filter((id) => id.startsWith(`${e}-b`)).map((id) => Number(id.slice(e.length + 2))))]));
    } finally {
      raw.close();
    }

    restored = await OwnServer.start({ dbFile: target });
    for (const [i, execution] of executions.entries()) {
      const ks = [...present.get(execution)!].sort((a, b) => a - b);
      // Batches of one client are sequential: the backup holds a prefix of them, at least those
      // acknowledged before the backup started, at most one more than were acknowledged after it.
      expect(ks).toEqual(ks.map((_, j) => j));
      expect(ks.length).toBeGreaterThanOrEqual(ackedBeforeBackup[i]);
      expect(ks.length).toBeLessThanOrEqual(ackedAtBackup[i] + 1);
      const detail = (await restored.call("GET", `/api/v1/executions/${execution}`)).json as {
        outputs: Array<{ name: string }>;
        series: Array<{ count: number; maxStep: number }>;
        metrics: Record<string, number>;
      };
      // Whole batches: each recorded batch has its artifact, all its points and its metric.
      expect(detail.outputs.map((o) => o.name).sort()).toEqual(ks.map((k) => `${execution}-b${k}`).sort());
      expect(detail.series.reduce((n, s) => n + s.count, 0)).toBe(ks.length * POINTS);
      if (ks.length) expect(detail.metrics.last_batch).toBe(ks.length - 1);
      // The clients can carry on against the restored server: present batches are recognised
      // (no duplicates), missing ones apply.
      for (let k = 0; k < acked[i]; k++) expect((await restored.call("POST", "/api/v1/batches", { body: batch(execution, k) })).status).toBe(200);
      const after = (await restored.call("GET", `/api/v1/executions/${execution}`)).json as { series: Array<{ count: number }> };
      expect(after.series.reduce((n, s) => n + s.count, 0)).toBe(acked[i] * POINTS);
    }
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe("SQLite format 3");
  } finally {
    stop = true;
    await restored?.dispose();
    await source.dispose();
  }
});

test("backup and restore refuse clearly: read token, PostgreSQL", async ({ request, tokenFor }) => {
  const read = await tokenFor("read");
  const res = await request.get("/api/v1/admin/backup", { headers: { Authorization: `Bearer ${read}` } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  const pg = await cli(["restore", "x.db"], "http://127.0.0.1:9", { DATABASE_URL: "postgresql://u@h/provscope" });
  expect(pg.code).toBe(2);
  expect(pg.stderr).toMatch(/for PostgreSQL use pg_restore/);
});
