import { test, expect } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { Provscope, type ProvscopeError } from "../../ingest/ts/src";
import { expectExactlyOnce, RestartableServer } from "./native-helpers";

// The SDK's delivery guarantees against a real server process: the server is not up when the
// client starts, and is killed (SIGKILL) and started again on the same port and database in the
// middle of a run. Every point must be stored exactly once.

const TOTAL = 50_000;
const BOUND = 20_000;

test("SDK: buffers within its bound while the server is down, survives a kill mid-run, stores every point once", async ({ request }) => {
  test.setTimeout(300_000);
  const server = await RestartableServer.create();
  const errors: ProvscopeError[] = [];
  const ps = new Provscope({
    url: server.url,
    token: ADMIN_TOKEN,
    maxBufferedPoints: BOUND,
    batchPoints: 2_000,
    flushIntervalMs: 100,
    maxBackoffMs: 500,
    flushOnExit: false,
    onError: (e) => errors.push(e),
  });
  try {
    // 1. Server down at start: the client buffers up to its bound, says so, then pushes back.
    const run = ps.execution("ts-restart", "train", { uuid: `ts-restart-${server.port}-${Date.now()}` });
    let step = 0;
    let waits = 0; // no expect() in the loop: Playwright records every call in its trace
    for (; step < BOUND; step++) if (run.logMetric("loss", step, Math.sin(step)) !== undefined) waits++;
    expect(waits).toBe(0);
    await expect.poll(() => ps.stats().connected, { timeout: 10_000 }).toBe(false);
    expect(ps.stats()).toMatchObject({ bufferedPoints: BOUND, droppedPoints: 0, lastError: { code: "connection_failed" } });
    expect(errors.some((e) => e.code === "connection_failed")).toBe(true);
    const blocked = run.logMetric("loss", step++, Math.sin(BOUND));
    expect(blocked).toBeInstanceOf(Promise);
    expect(ps.stats().blocked).toBe(true);

    await server.start();
    await blocked; // room again once the server has taken the backlog
    expect(ps.stats().connected).toBe(true);

    // 2. A steady stream (~12,500 points/s); the server is killed and started again under it.
    const logging = (async () => {
      for (; step < TOTAL; step++) {
        const wait = run.logMetric("loss", step, Math.sin(step));
        if (wait) await wait;
        if (step % 250 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await expect.poll(() => ps.stats().sentPoints, { timeout: 120_000 }).toBeGreaterThan(28_000);
    await server.kill();
    const retriesBefore = ps.stats().retries;
    await server.start();
    await logging;
    run.end("COMPLETED");
    await ps.flush(120_000);

    const stats = ps.stats();
    expect(stats).toMatchObject({ bufferedPoints: 0, droppedPoints: 0, rejectedPoints: 0, rejectedOps: 0 });
    expect(stats.sentPoints).toBeGreaterThanOrEqual(TOTAL);
    expect(stats.retries).toBeGreaterThan(retriesBefore); // the kill was noticed and retried through
    await expectExactlyOnce(request, server.url, run.uuid, "loss", TOTAL);
  } finally {
    await ps.close({ timeoutMs: 1000 }).catch(() => {});
    await server.dispose();
  }
});
