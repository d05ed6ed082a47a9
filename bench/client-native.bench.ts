// The workflow-side clients against a live server: the C library's pv_log_metric in a tight loop
// of 10 million calls (cost per call, resident memory it adds, end-to-end points/s) and the Python
// client (cost per call of Client.log_series and Cmf.log_metric, end-to-end points/s).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startServer } from "./server";
import type { BenchRow } from "./table";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const C_CALLS = 10_000_000;
const PY_CALLS = 300_000;

type CResult = { ns_per_call: number; ns_per_call_wall: number; blocked_s: number; private_added_kb: number; rss_added_kb: number; e2e_s: number; e2e_points_per_s: number; delivered: number };
type PyResult = { ns_per_call: number; cmf_ns_per_call: number; e2e_s: number; e2e_points_per_s: number; delivered: number };

function runJson<T>(cmd: string, args: string[], env: Record<string, string>): T {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`client bench: ${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

export default async function clientNativeBench(): Promise<BenchRow[]> {
  const make = spawnSync("make", ["-s", "-C", "ingest/c", "lib", "build/log_bench"], { cwd: root, encoding: "utf8" });
  if (make.status !== 0) throw new Error(`client bench: make failed:\n${make.stderr}`);

  const server = await startServer();
  let c: CResult, py: PyResult;
  try {
    const env = { PROVSCOPE_URL: server.url, PROVSCOPE_TOKEN: server.token };
    c = runJson<CResult>(path.join(root, "ingest/c/build/log_bench"), [String(C_CALLS)], { ...env, PROVSCOPE_EXECUTION: `bench-c-${Date.now()}` });
    py = runJson<PyResult>("python3", ["ingest/python/bench/log_bench.py", String(PY_CALLS)], { ...env, PROVSCOPE_EXECUTION: `bench-py-${Date.now()}` });
  } catch (err) {
    process.stderr.write(`bench: server log (last lines):\n${server.log().split("\n").slice(-40).join("\n")}\n`);
    throw err;
  } finally {
    await server.stop();
  }
  process.stderr.write(
    `bench: C ${C_CALLS} calls: ${c.ns_per_call_wall.toFixed(0)} ns/call wall (${c.blocked_s.toFixed(1)} s waiting for the server), ` +
      `VmRSS +${c.rss_added_kb} kB incl. shared libc pages; ${c.delivered} points delivered in ${c.e2e_s.toFixed(1)} s. ` +
      `Python ${PY_CALLS} points delivered in ${py.e2e_s.toFixed(1)} s\n`,
  );
  return [
    {
      measure: "C pv_log_metric per call (10M-call tight loop, live server; excl. waits on a full buffer)",
      value: c.ns_per_call,
      unit: "ns",
      target: "≤ 100 ns",
    },
    {
      measure: "C library: resident memory added (private; CMF's embedded Python ≈ 150 MB)",
      value: c.private_added_kb / 1024,
      unit: "MB",
      target: "≤ 2 MB",
    },
    { measure: "C end-to-end: 10M points logged → acknowledged", value: c.e2e_points_per_s, unit: "points/s" },
    { measure: "Python Client.log_series per call", value: py.ns_per_call, unit: "ns" },
    { measure: "Python Cmf.log_metric per call (one key)", value: py.cmf_ns_per_call, unit: "ns" },
    { measure: `Python end-to-end: ${PY_CALLS / 1000}k points logged → acknowledged`, value: py.e2e_points_per_s, unit: "points/s" },
  ];
}
