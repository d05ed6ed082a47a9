// The Python client (ingest/python) against real servers: its unit tests, the training example,
// a refused token, and a server that is down at start and killed mid-run.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test, expect, uniq, getJson } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { RestartableServer, expectExactlyOnce, root, run, seriesCount, startProcess, tempDir, waitFor } from "./native-helpers";

const pydir = path.join(root, "ingest/python");
const train = path.join(pydir, "examples/train.py");
const sha256 = (file: string) => `sha256:${createHash("sha256").update(readFileSync(file)).digest("hex")}`;

test.describe.configure({ mode: "default" });

test.describe("Python client", () => {
  test.setTimeout(180_000);
  let work: string;

  test.beforeEach(() => {
    work = tempDir("python");
  });
  test.afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("unit tests pass (batches, hashing, retries with the same batch id, bounds, spooling)", async () => {
    const r = await run("python3", ["-m", "unittest", "discover", "-s", "tests"], { cwd: pydir, env: {} });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Ran \d+ tests[\s\S]*OK/);
  });

  test("the training example logs lineage, a loss curve, a model version and test metrics", async ({ request, baseURL, tokenFor }) => {
    const pipeline = uniq("py");
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: await tokenFor("write"), PROVSCOPE_PIPELINE: pipeline };
    const r = await run("python3", [train, "--steps", "3000", "--workdir", work], { cwd: work, env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ steps: 3000, logged: 3000, delivered: 3000, dropped: 0 });

    const detail = await getJson(request, `/api/v1/executions/${out.execution}`);
    expect(detail).toMatchObject({ pipeline, stage: "train", name: "train-linreg", status: "COMPLETED", params: { lr: 0.05, steps: 3000 } });
    expect(detail.metrics.test_loss).toBeLessThan(0.01);
    expect(detail.inputs).toEqual([expect.objectContaining({ type: "dataset", name: "train-data.csv", hash: sha256(path.join(work, "train-data.csv")) })]);
    const outputs = detail.outputs as Array<{ type: string; name: string; hash: string }>;
    expect(outputs.map((o) => `${o.type}:${o.name}`).sort()).toEqual(["metrics:test_metrics", "model:linreg", "step_metrics:training_metrics"]);
    expect(outputs.find((o) => o.type === "model")!.hash).toBe(sha256(path.join(work, "linreg-model.json")));
    expect(detail.modelVersions).toEqual([expect.objectContaining({ model: "linreg" })]);
    expect(detail.series).toEqual([expect.objectContaining({ key: "loss", rank: 0, count: 3000, minStep: 0, maxStep: 2999 })]);
    const tail = await getJson(request, `/api/v1/series?execution=${out.execution}&key=loss&from=2990&to=2999`);
    expect(tail.buckets).toHaveLength(10);
  });

  test("a bad token is a clear error and a non-zero exit", async ({ baseURL }) => {
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: "pvs_not_a_real_token_000000" };
    const r = await run("python3", [train, "--steps", "10", "--workdir", work], { cwd: work, env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("the server rejected the token (HTTP 401");
    expect(r.stderr).toContain("set PROVSCOPE_TOKEN");
  });

  test("an execution id that belongs to another pipeline is refused at create_execution", async ({ baseURL, ingest }) => {
    const execution = uniq("taken");
    await ingest([{ op: "execution.start", pipeline: uniq("other"), stage: "train", execution }]);
    const env = { PROVSCOPE_URL: baseURL!, PROVSCOPE_TOKEN: ADMIN_TOKEN, PROVSCOPE_EXECUTION: execution, PROVSCOPE_PIPELINE: uniq("mine") };
    const r = await run("python3", [train, "--steps", "10", "--workdir", work], { cwd: work, env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("execution_conflict");
  });

  test("server down at start, then killed mid-run: every point arrives exactly once", async ({ request }) => {
    const server = await RestartableServer.create();
    try {
      const execution = uniq("pyrestart");
      const stop = path.join(work, "stop");
      const client = startProcess("python3", [train, "--sleep", "0.0005", "--stop-file", stop, "--workdir", work], {
        cwd: work,
        env: {
          PROVSCOPE_URL: server.url,
          PROVSCOPE_TOKEN: ADMIN_TOKEN,
          PROVSCOPE_EXECUTION: execution,
          PROVSCOPE_BUFFER_POINTS: "2048",
          PROVSCOPE_FLUSH_MS: "200",
        },
      });
      await waitFor("the client to report the server unreachable", () => client.out.stderr.includes("cannot deliver to"));
      expect(client.out.stderr).toMatch(/points buffered \(bound 2048\), logging waits when full; retrying/);
      await new Promise((r) => setTimeout(r, 2000));

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
      const out = JSON.parse(r.stdout);
      expect(out.delivered).toBe(out.logged);
      expect(out.retries).toBeGreaterThan(0);
      expect(r.stderr).toContain("server reachable again");
      await expectExactlyOnce(request, server.url, execution, "loss", out.logged);
    } finally {
      await server.dispose();
    }
  });
});
