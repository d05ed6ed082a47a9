// Load: 256 concurrent writers (simulated ranks: 8 executions × 32 ranks) each send a batch of
// 100 step-metric points every 100 ms for 60 s against a real production server, then every
// acknowledged point is counted back through the API. LOAD_SECONDS, LOAD_WRITERS, LOAD_POINTS and
// LOAD_THINK_MS shorten or reshape the run (e.g. LOAD_SECONDS=10 npm run bench load).
import { percentile, runLoad, storedPoints } from "./load-driver";
import { startServer } from "./server";
import type { BenchRow } from "./table";

const num = (v: string | undefined, fallback: number) => (v && Number.isFinite(Number(v)) ? Number(v) : fallback);

export default async function loadBench(): Promise<BenchRow[]> {
  const writers = num(process.env.LOAD_WRITERS, 256);
  const seconds = num(process.env.LOAD_SECONDS, 60);
  const pointsPerBatch = num(process.env.LOAD_POINTS, 100);
  const thinkMs = num(process.env.LOAD_THINK_MS, 100);
  const server = await startServer();
  try {
    const cpu0 = server.cpuSeconds();
    const r = await runLoad({ url: server.url, token: server.token, prefix: `load-${Date.now()}`, writers, ranksPerExecution: 32, seconds, pointsPerBatch, thinkMs });
    const cpu = server.cpuSeconds() - cpu0;
    const stored = await storedPoints(server.url, server.token, r.executions);
    if (r.errorSamples.length) process.stderr.write(`load: first errors:\n  ${r.errorSamples.join("\n  ")}\n`);
    const lat = [...r.latenciesMs].sort((a, b) => a - b);
    const label = `load ${writers} writers × ${seconds} s`;
    return [
      { measure: `${label}: errors`, value: r.errors, unit: "requests", target: "0" },
      { measure: `${label}: lost points (acknowledged − stored)`, value: r.points - stored, unit: "points", target: "0" },
      { measure: `${label}: dropped connections retried`, value: r.retries, unit: "requests" },
      { measure: `${label}: batch latency p50`, value: percentile(lat, 50), unit: "ms" },
      { measure: `${label}: batch latency p99`, value: percentile(lat, 99), unit: "ms" },
      { measure: `${label}: throughput`, value: r.points / r.elapsedS, unit: "points/s" },
      { measure: `${label}: throughput`, value: r.batches / r.elapsedS, unit: "batches/s" },
      { measure: `${label}: server CPU per batch`, value: (cpu / Math.max(1, r.batches)) * 1000, unit: "ms" },
    ];
  } finally {
    await server.stop();
  }
}
