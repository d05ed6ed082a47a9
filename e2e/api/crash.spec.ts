import Database from "better-sqlite3";
import { test, expect, uniq } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { OwnServer } from "./sec-server";

// Crash safety: 8 clients ingest continuously (each batch: a series slice and an output artifact,
// under its own batch id); the server is killed with SIGKILL mid-way and started again on the same
// database. Clients resend a batch until it is acknowledged, always under the same batch id.
// Afterwards every batch is stored exactly once: no acknowledged batch lost, no retry duplicated.
// Scaled for CI: ~2 s of ingest before the kill, ~2 s after.

const CLIENTS = 8;
const POINTS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Client = { execution: string; acked: number; retries: number; retriedAfterKill: number; responses: Map<string, string> };

test("SIGKILL mid-ingest: every acknowledged batch is stored exactly once, retries add nothing", async () => {
  test.setTimeout(180_000);
  const server = await OwnServer.start();
  const prefix = uniq("crash");
  let stop = false;
  let killedAt = Infinity;
  try {
    const batch = (c: Client, k: number) =>
      JSON.stringify({
        batchId: `${c.execution}-b${k}`,
        ops: [
          // Every batch restarts the execution (idempotent), so no batch depends on an earlier one.
          { op: "execution.start", pipeline: `${prefix}-pipe`, stage: "train", execution: c.execution },
          { op: "series", execution: c.execution, key: "loss", steps: Array.from({ length: POINTS }, (_, j) => k * POINTS + j), values: Array.from({ length: POINTS }, (_, j) => 1 / (1 + k * POINTS + j)) },
          { op: "artifact", execution: c.execution, direction: "output", type: "other", name: `${c.execution}-b${k}`, hash: `sha256:${c.execution}-${k}` },
        ],
      });

    // Sends one batch until it is acknowledged: connection errors (server dead or restarting) and
    // 5xx are retried with the same body; anything else is a test failure.
    async function deliver(c: Client, k: number) {
      const body = batch(c, k);
      for (;;) {
        const sentAt = Date.now();
        try {
          const res = await fetch(`${server.url}/api/v1/batches`, {
            method: "POST",
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
            body,
            signal: AbortSignal.timeout(20_000),
          });
          const text = await res.text();
          if (res.status === 200) {
            c.responses.set(`${c.execution}-b${k}`, text);
            return;
          }
          if (res.status < 500) throw new Error(`batch ${k} of ${c.execution} refused: ${res.status} ${text}`);
        } catch (err) {
          if (err instanceof Error && err.message.includes("refused:")) throw err;
        }
        c.retries++;
        if (sentAt < killedAt && Date.now() >= killedAt) c.retriedAfterKill++;
        await sleep(50);
      }
    }

    const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) => ({ execution: `${prefix}-c${i}`, acked: 0, retries: 0, retriedAfterKill: 0, responses: new Map() }));
    const running = clients.map(async (c) => {
      for (let k = 0; !stop; k++) {
        await deliver(c, k);
        c.acked = k + 1;
      }
    });

    // Mid-way: every client has had batches acknowledged, and each has one in flight.
    await expect.poll(() => Math.min(...clients.map((c) => c.acked)), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
    await sleep(1000);
    const ackedBeforeKill = clients.map((c) => c.acked);
    killedAt = Date.now();
    await server.kill("SIGKILL");
    await sleep(300);
    await server.restart();
    await expect.poll(() => Math.min(...clients.map((c, i) => c.acked - ackedBeforeKill[i])), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
    stop = true;
    await Promise.all(running);

    // The kill was real: requests failed and were retried, some of them sent before the kill.
    expect(clients.reduce((n, c) => n + c.retries, 0)).toBeGreaterThan(0);
    expect(clients.reduce((n, c) => n + c.retriedAfterKill, 0)).toBeGreaterThan(0);

    for (const c of clients) {
      const detail = (await server.call("GET", `/api/v1/executions/${c.execution}`)).json as {
        series: Array<{ key: string; count: number; minStep: number; maxStep: number }>;
        outputs: Array<{ name: string }>;
      };
      // Each acknowledged batch's artifact once, its points once: counts match, steps contiguous.
      expect(detail.outputs.map((o) => o.name).sort()).toEqual(Array.from({ length: c.acked }, (_, k) => `${c.execution}-b${k}`).sort());
      expect(detail.series).toEqual([expect.objectContaining({ key: "loss", count: c.acked * POINTS, minStep: 0, maxStep: c.acked * POINTS - 1 })]);
      const n = c.acked * POINTS;
      const series = (await server.call("GET", `/api/v1/series?execution=${c.execution}&key=loss&from=0&to=${n - 1}&buckets=10000`)).json as {
        fullResolution: boolean;
        buckets: Array<{ step: number; count: number }>;
      };
      expect(series.fullResolution).toBe(true);
      expect(series.buckets.length).toBe(n);
      expect(series.buckets.every((b, i) => b.step === i && b.count === 1)).toBe(true);
    }

    // A client that never saw an answer sends again: the stored answer comes back, nothing is added.
    const c0 = clients[0];
    const again = await server.call("POST", "/api/v1/batches", { body: JSON.parse(batch(c0, 0)) });
    expect(again.status).toBe(200);
    expect(again.text).toBe(c0.responses.get(`${c0.execution}-b0`));

    // The database file itself: one IngestBatch row per acknowledged batch, and it is intact.
    await server.kill("SIGTERM");
    const raw = new Database(server.dbFile, { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = raw.prepare(`SELECT count(*) AS n FROM "IngestBatch" WHERE "batchId" LIKE ?`).get(`${prefix}-%`) as { n: number };
      expect(rows.n).toBe(clients.reduce((n, c) => n + c.acked, 0));
    } finally {
      raw.close();
    }
  } finally {
    stop = true;
    await server.dispose();
  }
});
