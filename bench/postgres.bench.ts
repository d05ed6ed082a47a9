// PostgreSQL beside SQLite, through real production servers: step-metric ingest throughput on
// SQLite, on PostgreSQL with one server process, and on PostgreSQL with two server processes
// sharing the load (as behind a load balancer); then lineage and series query latency on the data
// each backend just stored. Uses PROVSCOPE_TEST_POSTGRES_URL, or starts a throwaway cluster.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startServer, type BenchServer } from "./server";
import type { BenchRow } from "./table";

const WRITERS = 16;
const POINTS_PER_OP = 5_000;
const BATCHES_PER_WRITER = 24;
const LAYERS = 40;
const QUERIES = 60;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

type Backend = { label: string; urls: string[]; token: string };

async function postJson(url: string, token: string, body: unknown) {
  const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`postgres bench: POST ${url} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

async function getTimed(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`postgres bench: GET ${url} → ${res.status}`);
  return performance.now() - started;
}

// WRITERS ranks, each its own execution, batches spread round-robin over the backend's servers.
async function ingest(b: Backend, run: string): Promise<number> {
  await postJson(`${b.urls[0]}/api/v1/batches`, b.token, {
    batchId: `${run}-setup`,
    ops: Array.from({ length: WRITERS }, (_, w) => ({ op: "execution.start", pipeline: run, stage: "simulate", execution: `${run}-r${w}` })),
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < BATCHES_PER_WRITER; i++) {
        const steps = Array.from({ length: POINTS_PER_OP }, (_, j) => i * POINTS_PER_OP + j);
        const op = { op: "series", execution: `${run}-r${w}`, key: "residual", steps, values: steps.map((s) => 1 / (1 + s)) };
        await postJson(`${b.urls[(w + i) % b.urls.length]}/api/v1/batches`, b.token, { batchId: `${run}-r${w}-${i}`, ops: [op] });
      }
    }),
  );
  return (WRITERS * BATCHES_PER_WRITER * POINTS_PER_OP) / ((performance.now() - started) / 1000);
}

// A chain of LAYERS training steps, each consuming the previous layer's dataset and a side input.
async function buildLineage(b: Backend, run: string) {
  const ops: unknown[] = [];
  for (let l = 0; l < LAYERS; l++) {
    const execution = `${run}-L${l}`;
    ops.push({ op: "execution.start", pipeline: run, stage: "train", execution });
    if (l > 0) ops.push({ op: "artifact", execution, direction: "input", type: "dataset", name: `${run}-d${l - 1}`, hash: `sha256:${run}-d${l - 1}` });
    ops.push({ op: "artifact", execution, direction: "input", type: "dataset", name: `${run}-side${l}`, hash: `sha256:${run}-side${l}` });
    ops.push({ op: "artifact", execution, direction: "output", type: "dataset", name: `${run}-d${l}`, hash: `sha256:${run}-d${l}` });
  }
  await postJson(`${b.urls[0]}/api/v1/batches`, b.token, { batchId: `${run}-lineage`, ops });
  const res = await fetch(`${b.urls[0]}/api/v1/search?q=${encodeURIComponent(`${run}-d${LAYERS - 1}`)}`, { headers: { Authorization: `Bearer ${b.token}` } });
  const found = (await res.json()) as { artifacts?: Array<{ id: number; name: string }> };
  const last = found.artifacts?.find((a) => a.name === `${run}-d${LAYERS - 1}`);
  if (!last) throw new Error("postgres bench: the lineage chain's last dataset was not found by search");
  return last.id;
}

const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];

async function queries(b: Backend, run: string) {
  const artifact = await buildLineage(b, run);
  const lineage: number[] = [];
  const series: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    lineage.push(await getTimed(`${b.urls[0]}/api/v1/lineage?node=artifact:${artifact}&direction=up&depth=20`, b.token));
    series.push(await getTimed(`${b.urls[0]}/api/v1/series?execution=${run}-r${i % WRITERS}&key=residual&buckets=1000`, b.token));
  }
  return { lineage: median(lineage.slice(5)), series: median(series.slice(5)) };
}

async function postgresServer(): Promise<{ url: string; stop: () => void }> {
  if (process.env.PROVSCOPE_TEST_POSTGRES_URL) return { url: process.env.PROVSCOPE_TEST_POSTGRES_URL, stop: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), "provscope-bench-pg-"));
  const helper = path.join(root, "scripts/test-postgres.sh");
  const r = spawnSync("bash", [helper, "start", dir, String(await freePort())], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`postgres bench: cannot start PostgreSQL: ${r.stderr}`);
  return {
    url: r.stdout.trim(),
    stop: () => {
      spawnSync("bash", [helper, "stop", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function database(serverUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function postgresBench(): Promise<BenchRow[]> {
  const cluster = await postgresServer();
  const servers: BenchServer[] = [];
  try {
    const sqlite = await startServer();
    servers.push(sqlite);
    const one = await startServer({ DATABASE_URL: await database(cluster.url, "provscope_bench_one") });
    servers.push(one);
    const twoDb = await database(cluster.url, "provscope_bench_two");
    const two = [await startServer({ DATABASE_URL: twoDb }), await startServer({ DATABASE_URL: twoDb })];
    servers.push(...two);

    const backends = {
      sqlite: { label: "SQLite, 1 server", urls: [sqlite.url], token: sqlite.token },
      pg1: { label: "PostgreSQL, 1 server", urls: [one.url], token: one.token },
      pg2: { label: "PostgreSQL, 2 servers", urls: two.map((s) => s.url), token: two[0].token },
    };
    await ingest(backends.sqlite, "warm-sqlite");
    await ingest(backends.pg1, "warm-pg1");
    const rate = { sqlite: await ingest(backends.sqlite, "bench"), pg1: await ingest(backends.pg1, "bench"), pg2: await ingest(backends.pg2, "bench") };
    const q = { sqlite: await queries(backends.sqlite, "bench"), pg: await queries(backends.pg1, "bench") };
    const label = `${WRITERS} writers, ${POINTS_PER_OP.toLocaleString("en-US")}-point ops`;
    return [
      { measure: `ingest into PostgreSQL, 1 server (${label})`, value: rate.pg1, unit: "points/s", baseline: { label: "SQLite, 1 server", value: rate.sqlite } },
      { measure: `ingest into PostgreSQL, 2 servers (${label})`, value: rate.pg2, unit: "points/s", baseline: { label: "PostgreSQL, 1 server", value: rate.pg1 } },
      { measure: `lineage depth 20 over ${LAYERS} layers, PostgreSQL (median)`, value: q.pg.lineage, unit: "ms", baseline: { label: "SQLite", value: q.sqlite.lineage } },
      { measure: `series 120k points → 1,000 buckets, PostgreSQL (median)`, value: q.pg.series, unit: "ms", baseline: { label: "SQLite", value: q.sqlite.series } },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    cluster.stop();
  }
}
