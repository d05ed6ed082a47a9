import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniq, getJson } from "../fixtures";
import { demoNames, runDemo } from "../../ingest/demo/demo";

// The built-in demo: the e2e server starts on an empty database with PROVSCOPE_DEMO=1, so it runs
// the computed continual-learning workflow of ingest/demo against itself. Everything below is
// checked through the query API, as a scientist's driver script or the dashboard would see it.

type Node = { id: string; kind: "artifact" | "execution"; label: string; type: string };
type Edge = { source: string; target: string; kind: "input" | "output" };
type Lineage = { nodes: Node[]; edges: Edge[] };
type Version = { version: number; artifact: { id: number; hash: string }; execution: { uuid: string; name: string }; metrics: Record<string, number> };
type Model = { name: string; versions: Version[]; aliases: Array<{ alias: string; version: number }> };
type ExecutionRow = { uuid: string; name: string; status: string; metrics: Record<string, number>; params: Record<string, unknown> };

async function waitForDemo(request: APIRequestContext) {
  let health: { demo: { state: string; step: string | null } } = { demo: { state: "unknown", step: null } };
  await expect
    .poll(
      async () => {
        health = await (await request.get("/api/health")).json();
        return health.demo.state;
      },
      { timeout: 200_000, intervals: [1000] },
    )
    .not.toBe("running");
  expect(health.demo, `the demo stopped at: ${health.demo.step}`).toMatchObject({ state: "completed" });
}

async function executions(request: APIRequestContext, pipeline: string): Promise<ExecutionRow[]> {
  const page = await getJson(request, `/api/v1/executions?pipeline=${encodeURIComponent(pipeline)}&limit=200`);
  return page.executions;
}

const byName = (rows: ExecutionRow[], name: string) => {
  const row = rows.find((e) => e.name === name);
  expect(row, `an execution named '${name}'`).toBeTruthy();
  return row!;
};

test.describe("the built-in demo workflow", () => {
  test.setTimeout(300_000);

  test("runs on first start; the deployed model's lineage is the paper's Figure 4; the rollback is in the history", async ({ request }) => {
    await waitForDemo(request);
    const names = demoNames();
    const models: Model[] = await Promise.all([names.resnet, names.bottleneck].map((m) => getJson(request, `/api/v1/models/${m}`)));
    const deployedModel = models.find((m) => m.aliases.some((a) => a.alias === "deployed"))!;
    expect(deployedModel, "one of the two architectures is deployed").toBeTruthy();
    const deployedVersion = deployedModel.aliases.find((a) => a.alias === "deployed")!.version;
    const deployed = deployedModel.versions.find((v) => v.version === deployedVersion)!;

    // Up from the deployed version: its training run, which read the partial dataset and OOD samples.
    const up: Lineage = await getJson(request, `/api/v1/lineage?node=artifact:${deployed.artifact.id}&direction=up&depth=2`);
    const trainNode = `execution:${deployed.execution.uuid}`;
    expect(up.edges).toContainEqual({ source: trainNode, target: `artifact:${deployed.artifact.id}`, kind: "output" });
    const inputs = up.edges.filter((e) => e.target === trainNode).map((e) => up.nodes.find((n) => n.id === e.source)!);
    expect(inputs.map((n) => n.label)).toContain("partial-dataset");
    const ood = inputs.filter((n) => /^ood-samples-it\d+$/.test(n.label));
    expect(ood.length, "the deployed version was trained on OOD samples").toBeGreaterThan(0);

    // Down from the newest OOD set: both architectures trained on it, their versions, and the
    // low-resolution simulation that used the deployed one.
    const newest = ood.sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true })).at(-1)!;
    const down: Lineage = await getJson(request, `/api/v1/lineage?node=${newest.id}&direction=down&depth=4`);
    const label = (id: string) => down.nodes.find((n) => n.id === id)?.label;
    const it = newest.label.replace("ood-samples-", "");
    for (const arch of ["EKE-ResNet", "EKE-Bottleneck"]) {
      const train = down.nodes.find((n) => n.kind === "execution" && n.label === `train ${arch} ${it}`);
      expect(train, `train ${arch} ${it} consumed ${newest.label}`).toBeTruthy();
      expect(down.edges).toContainEqual({ source: newest.id, target: train!.id, kind: "input" });
      const produced = down.edges.filter((e) => e.source === train!.id && e.kind === "output").map((e) => label(e.target));
      expect(produced).toEqual([arch]);
    }
    const lowRuns = down.edges.filter((e) => e.source === `artifact:${deployed.artifact.id}` && label(e.target) === "Phillips-Low-ML-EKE");
    expect(lowRuns.length, "Phillips-Low-ML-EKE used the deployed version").toBeGreaterThan(0);

    // The low-resolution run logged its diagnostics per timestep and per rank.
    const low = await getJson(request, `/api/v1/executions/${lowRuns[0].target.slice("execution:".length)}`);
    expect(low.params.model).toBe(`${deployedModel.name} v${deployedVersion}`);
    for (const key of ["domain_mean_eke", "max_vorticity"]) {
      expect(low.series.filter((s: { key: string }) => s.key === key).map((s: { rank: number; count: number }) => [s.rank, s.count])).toEqual([[0, 200], [1, 200], [2, 200], [3, 200]]);
    }

    // The alias history: promoted, a further version promoted, then rolled back with a reason.
    const history = await getJson(request, `/api/v1/models/${deployedModel.name}/aliases/deployed/history`);
    const actions = history.changes.map((c: { action: string; from: number | null; to: number }) => [c.action, c.from, c.to]);
    expect(actions).toEqual([["promote", null, deployedVersion], ["promote", deployedVersion, deployedVersion + 1], ["rollback", deployedVersion + 1, deployedVersion]]);
    expect(history.changes[2].reason).toMatch(/worse: EKE error at the start/);
    expect(history.changes[2].actor).toBe("demo");
  });

  test("training losses fall over the epochs, and another seed computes other losses", async ({ request, baseURL, admin }) => {
    await waitForDemo(request);
    const rows = await executions(request, demoNames().pipeline);
    for (const arch of ["EKE-ResNet", "EKE-Bottleneck"]) {
      const train = byName(rows, `train ${arch} it0`);
      const series = await getJson(request, `/api/v1/series?execution=${train.uuid}&key=train_loss&buckets=1000`);
      const values = series.buckets.map((b: { last: number }) => b.last);
      expect(values.length).toBe(train.metrics.epochs);
      expect(values.at(-1)).toBeLessThan(0.8 * values[0]);
      const val = await getJson(request, `/api/v1/series?execution=${train.uuid}&key=val_loss&buckets=1000`);
      expect(val.buckets.at(-1).last).toBeLessThan(val.buckets[0].last);
    }

    // The same module, in this process, with another seed, under its own names.
    const prefix = `${uniq("e2e-demo")}/`;
    const other = await runDemo({ url: baseURL, token: admin.token, seed: 8, prefix, out: mkdtempSync(path.join(tmpdir(), "provscope-demo-")) });
    expect(other.names.pipeline).toBe(`${prefix}continual-learning-eke`);
    const otherRows = await executions(request, other.names.pipeline);
    for (const name of ["train EKE-ResNet it0", "train EKE-Bottleneck it0"]) {
      const [a, b] = [byName(rows, name), byName(otherRows, name)];
      expect(b.metrics.test_loss).toBeGreaterThan(0);
      expect(b.metrics.test_loss).not.toBe(a.metrics.test_loss);
      expect(b.metrics.train_loss).not.toBe(a.metrics.train_loss);
    }
    expect((await getJson(request, `/api/v1/models/${encodeURIComponent(other.deployed.model)}/aliases/deployed`)).version).toBe(other.deployed.version);
  });
});
