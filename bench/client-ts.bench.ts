// The TypeScript SDK: (1) logMetric calls per second into the buffer (no I/O in the call), and
// (2) end-to-end points per second from logMetric to stored in a real server, beside the raw API
// figure of the same points POSTed as ready-made 50k-point batches over one connection.
import { Provscope } from "../ingest/ts/src";
import { freePort, startServer } from "./server";
import type { BenchRow } from "./table";

const CALLS = 5_000_000;
const E2E_POINTS = 1_000_000;
const BATCH = 50_000;

async function bufferedCallsPerSecond(): Promise<number> {
  const url = `http://127.0.0.1:${await freePort()}`; // nobody listens: only the call is measured
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const ps = new Provscope({ url, token: "x", maxBufferedPoints: 2 * CALLS, batchPoints: 2 * CALLS, flushIntervalMs: 3_600_000, flushOnExit: false, onError: () => {} });
    const run = ps.attach(`bench-${round}`);
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) run.logMetric(i & 1 ? "train_loss" : "grad_norm", i >> 1, 1 / (i + 1));
    best = Math.max(best, CALLS / ((performance.now() - started) / 1000));
    await ps.close({ timeoutMs: 1 }).catch(() => {});
  }
  return best;
}

async function endToEnd(): Promise<{ sdk: number; raw: number }> {
  const server = await startServer();
  try {
    const ps = new Provscope({ url: server.url, token: server.token, batchPoints: BATCH, flushOnExit: false });
    const sdkRun = ps.execution("bench-client-ts", "train", { uuid: "bench-sdk" });
    await ps.flush();
    let started = performance.now();
    for (let step = 0; step < E2E_POINTS; step++) {
      const wait = sdkRun.logMetric("train_loss", step, 0.3 + Math.exp(-step / 2e5));
      if (wait) await wait;
      if ((step & 0x1fff) === 0) await new Promise((r) => setImmediate(r)); // a training loop yields now and then
    }
    await ps.flush();
    const sdk = E2E_POINTS / ((performance.now() - started) / 1000);
    await ps.close();

    const post = async (batchId: string, ops: unknown[]) => {
      const res = await fetch(`${server.url}/api/v1/batches`, {
        method: "POST",
        headers: { Authorization: `Bearer ${server.token}`, "content-type": "application/json" },
        body: JSON.stringify({ batchId, ops }),
      });
      if (res.status !== 200) throw new Error(`client-ts bench: raw POST → ${res.status}: ${await res.text()}`);
    };
    await post("bench-raw-start", [{ op: "execution.start", pipeline: "bench-client-ts", stage: "train", execution: "bench-raw" }]);
    started = performance.now();
    const T0 = Date.now();
    for (let i = 0; i < E2E_POINTS / BATCH; i++) {
      const steps = Array.from({ length: BATCH }, (_, j) => i * BATCH + j);
      const op = { op: "series", execution: "bench-raw", key: "train_loss", steps, values: steps.map((s) => 0.3 + Math.exp(-s / 2e5)), times: steps.map((s) => T0 + s) };
      await post(`bench-raw-${i}`, [op]);
    }
    const raw = E2E_POINTS / ((performance.now() - started) / 1000);
    return { sdk, raw };
  } finally {
    await server.stop();
  }
}

export default async function clientTsBench(): Promise<BenchRow[]> {
  const calls = await bufferedCallsPerSecond();
  const e2e = await endToEnd();
  process.stderr.write(`bench: client-ts ${Math.round(calls)} logMetric calls/s; end to end ${Math.round(e2e.sdk)} points/s (raw API ${Math.round(e2e.raw)})\n`);
  return [
    { measure: "TS SDK logMetric calls, buffered (no I/O in the call)", value: calls, unit: "calls/s", target: "≥ 1,000,000 calls/s" },
    {
      measure: "TS SDK end to end: logMetric → stored (one client, 50k-point batches)",
      value: e2e.sdk,
      unit: "points/s",
      baseline: { label: "raw API, same points, one connection", value: e2e.raw },
    },
  ];
}
