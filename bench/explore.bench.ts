// Explorer latency: the first page (50 rows) of filtered, sorted queries over 100,000 executions,
// measured at the server's lib function (what the route handler awaits).
import { performance } from "node:perf_hooks";
import { readChanges } from "../lib/live/read-changes";
import { executionFields } from "../lib/query/execution-fields";
import { listExecutions } from "../lib/query/list-executions";
import { search } from "../lib/query/search";
import { searchQuery } from "../lib/schemas/explore";
import { changesQuery } from "../lib/schemas/live";
import { buildExecutions } from "../lib/query/raw-executions-fixture";
import { executionsQuery } from "../lib/schemas/query";
import { createTestDb } from "../lib/testing/test-db";
import type { BenchRow } from "./table";

const EXECUTIONS = 100_000;
const RUNS = 40;
const WARMUP = 5;
const FILTER = 'metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export default async function exploreBench(): Promise<BenchRow[]> {
  const t = createTestDb();
  try {
    const built = performance.now();
    buildExecutions(t.file, { count: EXECUTIONS });
    const buildMs = performance.now() - built;

    const timeOf = async (fn: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const start = performance.now();
        await fn();
        if (i >= WARMUP) times.push(performance.now() - start);
      }
      times.sort((x, y) => x - y);
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
    };

    const time = async (q: Record<string, string>) => {
      const query = executionsQuery.parse({ limit: "50", ...q });
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const start = performance.now();
        const page = await listExecutions(t.db, query);
        const ms = performance.now() - start;
        if (page.executions.length !== 50) throw new Error(`expected a full first page, got ${page.executions.length}`);
        total = page.total;
        if (i >= WARMUP) times.push(ms);
      }
      times.sort((x, y) => x - y);
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), total };
    };

    const rows: BenchRow[] = [
      { measure: `explore: build ${EXECUTIONS.toLocaleString("en-US")} executions with params and metrics (raw inserts)`, value: buildMs, unit: "ms" },
    ];
    const cases: Array<[string, Record<string, string>]> = [
      ["no filter, sort -startedAt", { sort: "-startedAt" }],
      ["filter, sort -startedAt", { filter: FILTER, sort: "-startedAt" }],
      ["filter, sort metrics.test_loss", { filter: FILTER, sort: "metrics.test_loss" }],
      ["filter + pipeline, sort params.lr:desc", { filter: FILTER, pipeline: "bench-pipeline-1", sort: "params.lr:desc" }],
      ["name ~ glob, sort name", { filter: 'name ~ "train resnet it3*"', sort: "name" }],
    ];
    for (const [label, q] of cases) {
      const r = await time(q);
      rows.push(
        { measure: `explore: first page over 100k, ${label} (${r.total.toLocaleString("en-US")} match), p50`, value: r.p50, unit: "ms" },
        { measure: `explore: first page over 100k, ${label}, p95`, value: r.p95, unit: "ms", target: "≤ 200 ms" },
      );
    }
    // The other reads the explorer makes: field names, the header's search, a live poll.
    const fields = await timeOf(() => executionFields(t.db, {}));
    const found = await timeOf(() => search(t.db, searchQuery.parse({ q: "resnet it3 #99" })));
    const missing = await timeOf(() => search(t.db, searchQuery.parse({ q: "no-such-run" })));
    const since = (await readChanges(t.db, changesQuery.parse({}))).cursor;
    const poll = await timeOf(() => readChanges(t.db, changesQuery.parse({ since, filter: FILTER, include: "executions" })));
    rows.push(
      { measure: "explore: param/metric field names over 100k (autocomplete), p95", value: fields.p95, unit: "ms" },
      { measure: "explore: global search, a name fragment, p95", value: found.p95, unit: "ms", target: "≤ 200 ms" },
      { measure: "explore: global search, no match (every kind scanned to the end), p95", value: missing.p95, unit: "ms", target: "≤ 200 ms" },
      { measure: "explore: live poll of a filtered table over 100k (changes feed), p95", value: poll.p95, unit: "ms" },
    );
    return rows;
  } finally {
    await t.close();
  }
}
