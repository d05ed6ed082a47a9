import { afterEach, describe, expect, it } from "vitest";
import { ProvscopeError } from "./errors";
import { Provscope } from "./provscope";
import type { ProvscopeOptions } from "./options";
import { FakeServer } from "./testing/fake-server";

const servers: FakeServer[] = [];
const clients: Provscope[] = [];

async function setup(options: ProvscopeOptions = {}) {
  const server = new FakeServer();
  servers.push(server);
  const url = await server.start();
  const ps = new Provscope({ url, token: "good-token", flushOnExit: false, initialBackoffMs: 10, maxBackoffMs: 50, onError: () => {}, ...options });
  clients.push(ps);
  return { server, ps, run: ps.pipeline("p").stage("s").execution({ uuid: "exec-1", params: { lr: 0.1 } }) };
}

afterEach(async () => {
  for (const c of clients.splice(0)) await c.close({ timeoutMs: 1000 }).catch(() => {});
  for (const s of servers.splice(0)) await s.stop();
});

const series = (server: FakeServer) => server.ops().filter((o) => o.op === "series");

describe("batcher", () => {
  it("sends every op once, in order, with points as columnar series ops", async () => {
    const { server, ps, run } = await setup();
    run.logDataset("input", { name: "d", hash: "sha256:1" });
    for (let i = 0; i < 1000; i++) run.logMetric("loss", i, 1 / (i + 1));
    run.logMetric("acc", 0, 0.5, 3);
    run.logExecutionMetrics({ test_loss: 0.25, odd: NaN });
    run.end("COMPLETED");
    await ps.flush();
    const ops = server.ops();
    expect(ops.map((o) => o.op)).toEqual(["execution.start", "artifact", "series", "series", "metrics", "execution.end"]);
    expect(server.points("loss")).toBe(1000);
    const acc = series(server).find((o) => o.op === "series" && o.key === "acc");
    expect(acc).toMatchObject({ rank: 3, steps: [0], values: [0.5] });
    expect(ops[4]).toMatchObject({ values: { test_loss: 0.25, odd: "NaN" } });
    expect(ps.stats()).toMatchObject({ bufferedPoints: 0, bufferedOps: 0, sentPoints: 1001, connected: true });
    expect(server.requests.every((r) => /^ts-[0-9a-f-]+-\d+$/.test(r.batchId))).toBe(true);
  });

  it("sends non-finite values as strings and splits a series whose steps go back", async () => {
    const { server, ps, run } = await setup();
    for (const [s, v] of [[1, Infinity], [2, -Infinity], [3, NaN], [2, 0.5], [2, 0.6]] as const) run.logMetric("x", s, v);
    await ps.flush();
    const ops = series(server);
    expect(ops.map((o) => (o.op === "series" ? [o.steps, o.values] : null))).toEqual([
      [[1, 2, 3], ["Infinity", "-Infinity", "NaN"]],
      [[2], [0.5]],
      [[2], [0.6]],
    ]);
  });

  it("rejects a bad step, value or key at the call, not in the background", async () => {
    const { run } = await setup();
    expect(() => run.logMetric("x", -1, 1)).toThrow(/step must be an integer >= 0/);
    expect(() => run.logMetric("x", 1.5, 1)).toThrow(/step must be an integer/);
    expect(() => run.logMetric("x", 1, "1" as unknown as number)).toThrow(/value must be a number/);
    expect(() => run.logMetric("", 1, 1)).toThrow(/key must be 1 to 256 characters/);
  });

  it("sends by size without waiting for the timer, and by time without flush()", async () => {
    const { server, run } = await setup({ batchPoints: 100, flushIntervalMs: 60_000 });
    for (let i = 0; i < 250; i++) run.logMetric("x", i, i);
    await until(() => server.points() >= 200);
    expect(server.points()).toBe(200); // the last 50 wait for the timer or a flush

    const timed = await setup({ flushIntervalMs: 50 });
    timed.run.logMetric("y", 1, 1);
    await until(() => timed.server.points("y") === 1);
  });

  it("retries a 503 with the same batchId and exponential backoff, and stores the batch once", async () => {
    const { server, ps, run } = await setup({ initialBackoffMs: 40, maxBackoffMs: 1000 });
    server.behave = (_, n) => (n <= 4 ? { status: 503, message: "restarting" } : undefined);
    for (let i = 0; i < 10; i++) run.logMetric("x", i, i);
    await ps.flush();
    const ids = new Set(server.requests.map((r) => r.batchId));
    expect(server.requests).toHaveLength(5);
    expect(ids.size).toBe(1);
    expect(server.points()).toBe(10);
    expect(ps.stats().retries).toBe(4);
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i].at);
    // Equal jitter: attempt k waits between half and all of 40·2^(k-1) ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[3]).toBeGreaterThanOrEqual(150);
    expect(gaps[3]).toBeGreaterThan(gaps[0]);
  });

  it("writes exactly once when the answer is lost after the server applied the batch", async () => {
    const { server, ps, run } = await setup();
    server.behave = (_, n) => (n === 1 ? { applyThenDrop: true } : undefined);
    for (let i = 0; i < 100; i++) run.logMetric("x", i, i);
    await ps.flush();
    expect(server.requests.length).toBe(2);
    expect(server.requests[0].batchId).toBe(server.requests[1].batchId);
    expect(server.points()).toBe(100);
  });

  it("applies backpressure at maxBufferedPoints: logMetric returns a promise until there is room", async () => {
    let release = () => {};
    const hang = new Promise<void>((r) => (release = r));
    const { server, ps, run } = await setup({ maxBufferedPoints: 100, batchPoints: 50 });
    server.behave = (_, n) => (n === 1 ? { hang } : undefined);
    const results = Array.from({ length: 100 }, (_, i) => run.logMetric("x", i, i));
    expect(results.every((r) => r === undefined)).toBe(true);
    const wait = run.logMetric("x", 100, 100);
    expect(wait).toBeInstanceOf(Promise);
    expect(ps.stats()).toMatchObject({ blocked: true, bufferedPoints: 101 });
    let resolved = false;
    void wait!.then(() => (resolved = true));
    await sleep(50);
    expect(resolved).toBe(false);
    release();
    await wait;
    await ps.flush();
    expect(server.points()).toBe(101);
    expect(ps.stats()).toMatchObject({ blocked: false, droppedPoints: 0 });
  });

  it("never holds more than twice the bound, even for a caller that ignores the promise", async () => {
    const { ps, run, server } = await setup({ maxBufferedPoints: 100 });
    await server.stop();
    for (let i = 0; i < 500; i++) void run.logMetric("x", i, i);
    expect(ps.stats()).toMatchObject({ bufferedPoints: 200, droppedPoints: 300 });
  });

  it("with policy drop, keeps buffering within its bound while the server is down, reports it, then delivers", async () => {
    const server = new FakeServer();
    servers.push(server);
    const url = await server.start();
    const port = server.port;
    await server.stop(); // down at start
    const errors: ProvscopeError[] = [];
    const ps = new Provscope({ url, token: "good-token", flushOnExit: false, initialBackoffMs: 10, maxBackoffMs: 40, policy: "drop", maxBufferedPoints: 1000, onError: (e) => errors.push(e) });
    clients.push(ps);
    const run = ps.execution("p", "s", { uuid: "down-1" });
    for (let i = 0; i < 1500; i++) expect(run.logMetric("x", i, i)).toBeUndefined();
    await expect(ps.flush(300)).rejects.toThrow(/1000 points and 1 ops still undelivered after 0.3 s; last error: cannot connect/);
    expect(ps.stats()).toMatchObject({ bufferedPoints: 1000, droppedPoints: 500, connected: false });
    expect(errors.some((e) => e.code === "connection_failed")).toBe(true);
    expect(errors.some((e) => e.code === "buffer_full")).toBe(true);

    await server.start(port);
    await ps.flush(5000);
    expect(server.points()).toBe(1000);
    expect(ps.stats()).toMatchObject({ bufferedPoints: 0, connected: true });
  });

  it("drops only the op a 422 points at; the rest of the batch is stored and flush() says what was refused", async () => {
    const { server, ps, run } = await setup();
    server.behave = (req) => {
      const i = req.ops.findIndex((o) => o.op === "artifact" && o.name === "bad");
      return i >= 0 ? { status: 422, code: "invalid", message: `ops.${i}.hash: too long`, path: `ops.${i}.hash` } : undefined;
    };
    run.logDataset("input", { name: "good", hash: "h1" });
    run.logDataset("input", { name: "bad", hash: "h2" });
    for (let i = 0; i < 10; i++) run.logMetric("x", i, i);
    run.end();
    await expect(ps.flush()).rejects.toThrow(/422 invalid: ops.2.hash: too long — 1 batch not stored \(in all so far: 0 points and 1 other ops lost/);
    expect(server.ops().map((o) => o.op)).toEqual(["execution.start", "artifact", "series", "execution.end"]);
    expect(ps.stats()).toMatchObject({ rejectedOps: 1, rejectedPoints: 0 });
    await ps.flush(); // reported once
  });

  it("splits a batch the server finds too large (413)", async () => {
    const { server, ps, run } = await setup();
    server.behave = (req) => (req.bytes > 3000 ? { status: 413, code: "too_large", message: "body too large" } : undefined);
    for (let i = 0; i < 400; i++) run.logMetric("x", i, i);
    await ps.flush();
    expect(server.points()).toBe(400);
    expect(series(server).length).toBeGreaterThan(1);
  });

  it("rejects flush() with the server's message for a bad token", async () => {
    const { ps, run } = await setup({ token: "wrong" });
    run.logMetric("x", 1, 1);
    await expect(ps.flush()).rejects.toThrow("POST /api/v1/batches → 401 unauthorized: the API token is unknown or revoked");
  });

  it("gives up after close()'s timeout and refuses further logging", async () => {
    const { server, ps, run } = await setup();
    await server.stop();
    run.logMetric("x", 1, 1);
    await expect(ps.close({ timeoutMs: 200 })).rejects.toThrow(/still undelivered/);
    expect(() => run.logMetric("x", 2, 2)).toThrow(/client is closed/);
  });

  it("registerVersion sends what was logged first, then answers with the version", async () => {
    const { server, ps, run } = await setup();
    run.logModel("output", { name: "m", hash: "sha256:m" });
    const v = await ps.registry.registerVersion("m", "sha256:m", run);
    expect(v).toMatchObject({ model: "m", version: 1 });
    expect(server.ops().map((o) => o.op)).toEqual(["execution.start", "artifact", "model.version"]);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}
