// The C library and Fortran module (ingest/c) against real servers: the Fortran heat solver on 4
// ranks, the C example, a refused token, and a server that is down at start and killed mid-run.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test, expect, uniq, getJson } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { RestartableServer, expectExactlyOnce, root, run, seriesCount, startProcess, tempDir, waitFor } from "./native-helpers";

const cdir = path.join(root, "ingest/c");
const bin = (name: string) => path.join(cdir, "build", name);
const sha256 = (file: string) => `sha256:${createHash("sha256").update(readFileSync(file)).digest("hex")}`;

// One worker, in order: the build runs once.
test.describe.configure({ mode: "default" });

test.describe("native client (C, Fortran)", () => {
  test.setTimeout(180_000);
  let work: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const make = await run("make", ["-s", "all", "build/unit_tests"], { cwd: cdir, env: {} });
    expect(make.code, make.stderr).toBe(0);
  });
  test.beforeEach(() => {
    work = tempDir("native");
  });
  test.afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("unit tests pass (formatting, batches, SHA-256, buffering while the server is down)", async () => {
    const r = await run(bin("unit_tests"), [], { cwd: cdir, env: {} });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("all passed");
  });

  test("the Fortran heat solver logs its residual every timestep from 4 ranks", async ({ request, baseURL, tokenFor }) => {
    const execution = uniq("heat");
    const pipeline = uniq("heat2d");
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: await tokenFor("write"), PROVSCOPE_EXECUTION: execution, PROVSCOPE_PIPELINE: pipeline };
    const steps = 400;
    const ranks = await Promise.all([0, 1, 2, 3].map((r) => run(bin("heat2d"), [String(r), String(steps), "48"], { cwd: work, env })));
    const finals = ranks.map((r, rank) => {
      expect(r.code, r.stderr).toBe(0);
      const m = r.stdout.match(new RegExp(`rank ${rank} steps ${steps} final_residual\\s+(\\S+)`));
      expect(m, r.stdout).not.toBeNull();
      return Number(m![1]);
    });

    const detail = await getJson(request, `/api/v1/executions/${execution}`);
    expect(detail).toMatchObject({ pipeline, stage: "simulate", status: "COMPLETED", metrics: { final_residual: finals[0] } });
    expect(detail.series).toEqual(
      [0, 1, 2, 3].map((rank) => expect.objectContaining({ key: "residual", rank, count: steps, minStep: 1, maxStep: steps })),
    );
    // Each rank's field file, hashed by the C library exactly as Node (and the Python client) hash it.
    const outputs = detail.outputs as Array<{ name: string; hash: string; size: number; type: string }>;
    expect(outputs.map((o) => o.name).sort()).toEqual([0, 1, 2, 3].map((r) => `heat2d-field-r${r}`));
    for (const o of outputs) {
      const file = path.join(work, `${o.name}.bin`);
      expect(o).toMatchObject({ type: "dataset", hash: sha256(file), size: readFileSync(file).length });
    }
    for (const rank of [0, 1, 2, 3]) {
      const s = await getJson(request, `/api/v1/series?execution=${execution}&key=residual&rank=${rank}&from=${steps}&to=${steps}`);
      expect(s.buckets).toEqual([expect.objectContaining({ step: steps, last: finals[rank], count: 1 })]);
    }
  });

  test("the C example logs params, an input dataset, a loss curve and a final metric", async ({ request, baseURL, tokenFor }) => {
    const execution = uniq("cex");
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: await tokenFor("write"), PROVSCOPE_EXECUTION: execution, PROVSCOPE_PIPELINE: uniq("c") };
    const r = await run(bin("example"), ["--steps", "5000"], { cwd: work, env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ logged: 5000, delivered: 5000, dropped: 0, rejected: 0 });

    const detail = await getJson(request, `/api/v1/executions/${execution}`);
    expect(detail).toMatchObject({ name: "C example", status: "COMPLETED", params: { steps: 5000, lr: 0.01 } });
    expect(detail.metrics.final_loss).toEqual(expect.any(Number));
    expect(detail.inputs).toEqual([expect.objectContaining({ name: "example-input", hash: sha256(path.join(work, "example-input.csv")) })]);
    expect(detail.series).toEqual([expect.objectContaining({ key: "loss", rank: 0, count: 5000, minStep: 0, maxStep: 4999 })]);
    const curve = await getJson(request, `/api/v1/series?execution=${execution}&key=loss&buckets=50`);
    expect(curve.count).toBe(5000);
  });

  test("4 threads logging at once, each as its own rank: every point exactly once", async ({ request, baseURL, tokenFor }) => {
    const execution = uniq("threads");
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: await tokenFor("write"), PROVSCOPE_EXECUTION: execution, PROVSCOPE_PIPELINE: uniq("thr") };
    const r = await run(bin("example"), ["--threads", "4", "--steps", "12000"], { cwd: work, env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ logged: 48_000, delivered: 48_000, dropped: 0 });
    for (const rank of [0, 1, 2, 3]) await expectExactlyOnce(request, "", execution, "loss", 12_000, rank);
  });

  test("a bad token is a clear error and a non-zero exit", async ({ baseURL }) => {
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: "pvs_not_a_real_token_000000", PROVSCOPE_EXECUTION: uniq("bad") };
    for (const [prog, args] of [["example", ["--steps", "10"]], ["heat2d", ["0", "10"]]] as const) {
      const r = await run(bin(prog), [...args], { cwd: work, env });
      expect(r.code, `${prog}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain("the server rejected the token (HTTP 401");
      expect(r.stderr).toContain("set PROVSCOPE_TOKEN");
    }
  });

  test("an execution id that belongs to another pipeline is refused at pv_init", async ({ baseURL, ingest }) => {
    const execution = uniq("taken");
    await ingest([{ op: "execution.start", pipeline: uniq("other"), stage: "train", execution }]);
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: ADMIN_TOKEN, PROVSCOPE_EXECUTION: execution, PROVSCOPE_PIPELINE: uniq("mine") };
    const r = await run(bin("example"), ["--steps", "10"], { cwd: work, env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("execution_conflict");
  });

  test("server down at start, then killed mid-run: every point arrives exactly once", async ({ request }) => {
    const server = await RestartableServer.create();
    try {
      const execution = uniq("restart");
      const stop = path.join(work, "stop");
      const client = startProcess(bin("example"), ["--sleep-us", "500", "--stop-file", stop], {
        cwd: work,
        env: {
          PROVSCOPE_URL: server.url,
          PROVSCOPE_TOKEN: ADMIN_TOKEN,
          PROVSCOPE_EXECUTION: execution,
          PROVSCOPE_BUFFER_POINTS: "2048",
          PROVSCOPE_FLUSH_MS: "200",
        },
      });
      // Down at start: the client says so and keeps logging into its bounded buffer.
      await waitFor("the client to report the server unreachable", () => client.out.stderr.includes("cannot deliver to"));
      expect(client.out.stderr).toMatch(/points buffered \(bound 2048\), logging waits when full; retrying/);
      await new Promise((r) => setTimeout(r, 2000)); // long enough to fill the 2,048-point bound

      await server.start();
      await waitFor("points to arrive", async () => (await seriesCount(request, server.url, execution)) > 0);
      await server.kill();
      await new Promise((r) => setTimeout(r, 1500));
      await server.start();
      const before = await seriesCount(request, server.url, execution);
      await waitFor("more points after the restart", async () => (await seriesCount(request, server.url, execution)) > before + 1000);
      writeFileSync(stop, "");

      const r = await client.done;
      expect(r.code, r.stderr).toBe(0);
      const counters = JSON.parse(r.stdout);
      expect(counters.delivered).toBe(counters.logged);
      expect(counters.retries).toBeGreaterThan(0);
      expect(r.stderr).toContain("server reachable again");
      await expectExactlyOnce(request, server.url, execution, "loss", counters.logged);
    } finally {
      await server.dispose();
    }
  });
});
