// Many concurrent writers against one server, as the ranks of MPI jobs would be: each writer is one
// rank of an execution and sends batches of step-metric points (one series op, steps advancing) for
// a fixed time. Used by bench/load.bench.ts (full size) and e2e/api/load.spec.ts (scaled down).
// Afterwards every point the server acknowledged is counted back through the API.

export type LoadOptions = {
  url: string;
  token: string;
  prefix: string; // unique per run: execution ids and batch ids start with it
  writers: number;
  ranksPerExecution: number;
  seconds: number;
  pointsPerBatch: number;
  thinkMs: number; // pause between a writer's batches (an SDK flushing on a timer)
};

export type LoadResult = {
  batches: number; // acknowledged with 200
  points: number; // in acknowledged batches
  errors: number; // requests that ended without a 200 (after the one retry of a dropped connection)
  retries: number; // dropped connections retried with the same batch id (idempotent)
  errorSamples: string[];
  latenciesMs: number[]; // per acknowledged batch, including a retry
  elapsedS: number;
  executions: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(o: LoadOptions, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${o.url}/api/v1/batches`, {
    method: "POST",
    headers: { authorization: `Bearer ${o.token}`, "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, text: await res.text() };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const executionCount = Math.ceil(o.writers / o.ranksPerExecution);
  const executions = Array.from({ length: executionCount }, (_, e) => `${o.prefix}-e${e}`);
  const starts = executions.map((execution) => ({ op: "execution.start", pipeline: `${o.prefix}-load`, stage: "train", execution }));
  const setup = await post(o, JSON.stringify({ batchId: `${o.prefix}-setup`, ops: starts }));
  if (setup.status !== 200) throw new Error(`load: setup batch → ${setup.status}: ${setup.text.slice(0, 300)}`);

  const result: LoadResult = { batches: 0, points: 0, errors: 0, retries: 0, errorSamples: [], latenciesMs: [], elapsedS: 0, executions };
  const t0 = performance.now();
  const end = t0 + o.seconds * 1000;

  async function writer(w: number) {
    const execution = executions[Math.floor(w / o.ranksPerExecution)];
    const rank = w % o.ranksPerExecution;
    // Stagger the first batches so 256 writers do not all arrive in the same millisecond.
    await sleep((w / o.writers) * Math.min(o.thinkMs, 500));
    for (let i = 0; performance.now() < end; i++) {
      const steps = Array.from({ length: o.pointsPerBatch }, (_, j) => i * o.pointsPerBatch + j);
      const values = steps.map((s) => Math.round((1 / (1 + s / 1000) + 0.01 * Math.sin(s + rank)) * 1e6) / 1e6);
      const body = JSON.stringify({ batchId: `${o.prefix}-w${w}-b${i}`, ops: [{ op: "series", execution, key: "loss", rank, steps, values }] });
      const started = performance.now();
      let outcome: { status: number; text: string } | Error;
      try {
        outcome = await post(o, body);
      } catch {
        // A keep-alive socket the server closed as we reused it: safe to resend, the batch id makes
        // a second delivery a no-op. Counted, and only one retry.
        result.retries++;
        outcome = await post(o, body).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      }
      if (!(outcome instanceof Error) && outcome.status === 200) {
        result.latenciesMs.push(performance.now() - started);
        result.batches++;
        result.points += o.pointsPerBatch;
      } else {
        result.errors++;
        if (result.errorSamples.length < 5) result.errorSamples.push(outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : `${outcome.status} ${outcome.text.slice(0, 200)}`);
        return; // a writer that lost a batch stops: its later steps would not follow on
      }
      if (o.thinkMs > 0) await sleep(o.thinkMs);
    }
  }

  await Promise.all(Array.from({ length: o.writers }, (_, w) => writer(w)));
  result.elapsedS = (performance.now() - t0) / 1000;
  return result;
}

// Points the server holds for the run's executions (every key and rank), read through the API.
export async function storedPoints(url: string, token: string, executions: string[]): Promise<number> {
  let total = 0;
  for (const uuid of executions) {
    const res = await fetch(`${url}/api/v1/executions/${encodeURIComponent(uuid)}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`load: GET execution ${uuid} → ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const detail = (await res.json()) as { series: Array<{ count: number }> };
    total += detail.series.reduce((n, s) => n + s.count, 0);
  }
  return total;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
