// Step-metric reads: one 1,000,000-point series ingested over HTTP into a real server, then
// `readSeries` timed in this process on the same SQLite file (server-side time, median of 10), to
// 1,000 buckets over the whole range and over a 1% window; and the same read over HTTP.
import { createClient } from "../lib/db/client";
import { readSeries } from "../lib/metrics/read-series";
import { seriesQuery } from "../lib/schemas/series";
import { startServer, type BenchServer } from "./server";
import type { BenchRow } from "./table";

const POINTS = 1_000_000;
const OP_POINTS = 10_000;
const OPS_PER_BATCH = 10;
const RUNS = 10;
const EXECUTION = "bench-series-1m";

async function post(server: BenchServer, body: unknown) {
  const res = await fetch(`${server.url}/api/v1/batches`, {
    method: "POST",
    headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`series bench: ingest → ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

// A noisy decaying loss with one spike, as a long training run logs it.
async function ingestMillion(server: BenchServer) {
  await post(server, { batchId: "setup", ops: [{ op: "execution.start", pipeline: "bench-series", stage: "train", execution: EXECUTION }] });
  for (let b = 0; b < POINTS / (OP_POINTS * OPS_PER_BATCH); b++) {
    const ops = Array.from({ length: OPS_PER_BATCH }, (_, o) => {
      const first = (b * OPS_PER_BATCH + o) * OP_POINTS;
      const steps = Array.from({ length: OP_POINTS }, (_, j) => first + j);
      const values = steps.map((s) => (s === 654_321 ? 1e6 : 0.3 + Math.exp(-s / 2e5) + 0.01 * Math.sin(s * 0.37)));
      return { op: "series", execution: EXECUTION, key: "train_loss", steps, values, times: steps.map((s) => 1.7e12 + s * 10) };
    });
    await post(server, { batchId: `series-${b}`, ops });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Median wall time and, since other work on the machine stretches wall time, median CPU time of
// this process (the in-process reads run here; for HTTP it is only the client's share).
async function time(runs: number, f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  await f();
  await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await f();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export default async function seriesBench(): Promise<BenchRow[]> {
  const server = await startServer();
  try {
    await ingestMillion(server);
    const db = createClient(`file:${server.dbFile}`);
    try {
      const q = (extra: Record<string, string>) => seriesQuery.parse({ execution: EXECUTION, key: "train_loss", buckets: "1000", ...extra });
      const whole = await readSeries(db, q({}));
      if (whole.count !== POINTS || whole.buckets.length > 1000 || !whole.buckets.some((b) => b.max === 1e6)) {
        throw new Error(`series bench: unexpected read (count ${whole.count}, ${whole.buckets.length} buckets, spike kept: ${whole.buckets.some((b) => b.max === 1e6)})`);
      }
      // Over HTTP first: the in-process runs leave the keep-alive socket idle long enough to be closed.
      const http = await time(RUNS, async () => {
        const res = await fetch(`${server.url}/api/v1/series?execution=${EXECUTION}&key=train_loss&buckets=1000`, {
          headers: { Authorization: `Bearer ${server.token}` },
        });
        if (res.status !== 200) throw new Error(`series bench: GET /api/v1/series → ${res.status}`);
        await res.json();
      });
      const full = await time(RUNS, () => readSeries(db, q({})));
      const window = await time(RUNS, () => readSeries(db, q({ from: "500000", to: "509999" })));
      return [
        { measure: "series read, 1M points → 1,000 buckets (readSeries, median of 10)", value: full.wall, unit: "ms", target: "≤ 50 ms" },
        { measure: "  the same, CPU time", value: full.cpu, unit: "ms" },
        { measure: "series window re-query, 1% of 1M points → 1,000 buckets", value: window.wall, unit: "ms", target: "≤ 50 ms" },
        { measure: "series read over HTTP, 1M points → 1,000 buckets (client-side)", value: http.wall, unit: "ms" },
      ];
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.stop();
  }
}
