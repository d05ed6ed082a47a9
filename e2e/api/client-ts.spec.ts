import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, uniq, getJson } from "../fixtures";
import { renamedSample } from "../../lib/interop/cmf/test-sample";
import { cli, example } from "./client-ts-helpers";

// The TypeScript SDK and the `provscope` CLI against the real server: what they log is checked
// through the query API.

const tmp = () => mkdtempSync(path.join(tmpdir(), "provscope-cli-"));

test.describe("TypeScript SDK example", () => {
  test("train.ts logs a training run that the query API returns in full", async ({ request, baseURL, admin }) => {
    const pipeline = uniq("ts-example");
    const model = uniq("ts-model");
    const run = await example("train.ts", baseURL!, admin.token, { EXAMPLE_PIPELINE: pipeline, EXAMPLE_MODEL: model });
    expect(run.code, run.stderr).toBe(0);
    const { execution, version } = JSON.parse(run.stdout) as { execution: string; version: number };
    expect(version).toBe(1);

    const e = await getJson(request, `/api/v1/executions/${execution}`);
    expect(e).toMatchObject({ pipeline, stage: "train", status: "COMPLETED", params: { lr: 0.01, epochs: 20 }, modelVersions: [{ model, version: 1 }] });
    expect(e.series).toEqual([expect.objectContaining({ key: "train_loss", rank: 0, count: 2000, minStep: 0, maxStep: 1999 })]);
    expect(e.metrics.test_loss).toBeCloseTo(0.05 + 0.95 * Math.exp(-1999 / 300) + 0.01 * Math.sin(1999), 9);
    expect(e.inputs).toEqual([expect.objectContaining({ type: "dataset", name: "toy-dataset", hash: "sha256:0a1b2c3d", size: 4096 })]);
    expect(e.outputs).toEqual([expect.objectContaining({ type: "model", name: model, hash: `sha256:${execution}` })]);

    const series = await getJson(request, `/api/v1/series?execution=${execution}&key=train_loss&buckets=10`);
    expect(series.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(2000);
    const best = await getJson(request, `/api/v1/models/${model}/best?metric=test_loss`);
    expect(best).toMatchObject({ model, version: 1, execution: { uuid: execution } });
  });

  test("with a bad token, the example fails with exit code 1 and the server's message", async ({ baseURL }) => {
    const run = await example("train.ts", baseURL!, "pvs_not_a_real_token_00000000", { EXAMPLE_PIPELINE: uniq("ts-bad") });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("POST /api/v1/batches → 401 unauthorized: the API token is unknown or revoked");
  });
});

test.describe("provscope CLI", () => {
  test("log: a shell script's execution, with a retried line stored once", async ({ request, baseURL, admin }) => {
    const pipeline = uniq("cli");
    const start = await cli(baseURL!, admin.token, ["log", "start", "--pipeline", pipeline, "--stage", "sim", "--param", "dt=0.5", "--param", "solver=cg"]);
    expect(start.code, start.stderr).toBe(0);
    const id = start.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const env = { PROVSCOPE_EXECUTION: id };
    const dir = tmp();
    writeFileSync(path.join(dir, "out.h5"), "simulation output");
    for (const args of [
      ["log", "metric", "residual", "1", "0.5"],
      ["log", "metric", "residual", "1", "0.5"], // the same line again: same batch id, nothing written
      ["log", "metric", "residual", "2", "Infinity"],
      ["log", "metrics", "wall_s=12.5", "cells=4096"],
      ["log", "artifact", "input", "dataset", "mesh", "--hash", "sha256:mesh1", "--uri", "file:///mesh"],
      ["log", "artifact", "output", "dataset", "fields", "--file", path.join(dir, "out.h5")],
      ["log", "end", "FAILED"],
    ]) {
      const r = await cli(baseURL!, admin.token, args, env);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe("");
    }
    const piped = await cli(baseURL!, admin.token, ["log", "series", "residual", "--rank", "1"], env, "1 0.9\n2 0.8\n3 0.7\n");
    expect(piped.code, piped.stderr).toBe(0);

    const e = await getJson(request, `/api/v1/executions/${id}`);
    expect(e).toMatchObject({ pipeline, stage: "sim", status: "FAILED", params: { dt: 0.5, solver: "cg" }, metrics: { wall_s: 12.5, cells: 4096 } });
    expect(e.series.map((s: { rank: number; count: number }) => [s.rank, s.count])).toEqual([[0, 2], [1, 3]]);
    expect(e.inputs).toEqual([expect.objectContaining({ name: "mesh", hash: "sha256:mesh1", uri: "file:///mesh" })]);
    expect(e.outputs).toEqual([expect.objectContaining({ name: "fields", size: 17, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })]);
  });

  test("registry: register, best, promote, alias, rollback, history with --json", async ({ baseURL, admin, ingest }) => {
    const model = uniq("cli-model");
    const ops = [1, 2, 3].flatMap((i) => [
      { op: "execution.start" as const, pipeline: uniq("cli-reg"), stage: "train", execution: `${model}-e${i}` },
      { op: "metrics" as const, execution: `${model}-e${i}`, values: { test_loss: [0.5, 0.2, 0.3][i - 1] } },
      { op: "artifact" as const, execution: `${model}-e${i}`, direction: "output" as const, type: "model" as const, name: model, hash: `sha256:${model}-${i}` },
    ]);
    await ingest(ops);
    const ps = (args: string[]) => cli(baseURL!, admin.token, [...args, "--json"]);
    const json = async (args: string[]) => {
      const r = await ps(args);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    for (const i of [1, 2, 3]) {
      expect(await json(["register", model, "--hash", `sha256:${model}-${i}`, "--execution", `${model}-e${i}`])).toMatchObject({ version: i, created: true });
    }
    expect(await json(["register", model, "--hash", `sha256:${model}-1`])).toMatchObject({ version: 1, created: false });
    expect(await json(["best", model, "--metric", "test_loss"])).toMatchObject({ version: 2, value: 0.2, mode: "min" });
    expect(await json(["best", model, "--metric", "test_loss", "--mode", "max"])).toMatchObject({ version: 1 });
    expect(await json(["promote", model, "deployed", "1", "--reason", "first"])).toMatchObject({ version: 1, change: { from: null, to: 1 } });
    expect(await json(["promote", model, "deployed", "2", "-m", "best loss"])).toMatchObject({ version: 2, change: { from: 1, to: 2, action: "promote" } });
    expect(await json(["alias", model, "deployed"])).toMatchObject({ version: 2 });
    expect(await json(["rollback", model, "deployed", "--reason", "drifted"])).toMatchObject({ version: 1, change: { action: "rollback", reason: "drifted" } });
    const history = await json(["history", model, "deployed"]);
    expect(history.changes.map((c: { action: string; to: number }) => `${c.action}:${c.to}`)).toEqual(["promote:1", "promote:2", "rollback:1"]);

    const human = await cli(baseURL!, admin.token, ["alias", model, "deployed"]);
    expect(human.stdout).toMatch(new RegExp(`^${model}@deployed = v1 `));
    const missing = await ps(["promote", model, "deployed", "9", "--reason", "x"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: "not_found", status: 404 });
    expect(missing.stderr).toContain(`model '${model}' has no version 9; its versions are 1..3`);
  });

  test("token create, list, revoke, and what a revoked or weak token gets", async ({ baseURL, admin }) => {
    const name = uniq("cli-token");
    const created = await cli(baseURL!, admin.token, ["token", "create", name, "--scope", "read"]);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(created.stderr).toContain("the secret above is not stored anywhere");

    const list = await cli(baseURL!, admin.token, ["token", "list", "--json"]);
    const row = JSON.parse(list.stdout).tokens.find((t: { name: string }) => t.name === name);
    expect(row).toMatchObject({ scope: "read", revokedAt: null });
    expect(JSON.stringify(JSON.parse(list.stdout))).not.toContain(secret);

    const status = await cli(baseURL!, secret, ["status", "--json"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, token: { name, scope: "read" } });
    const weak = await cli(baseURL!, secret, ["promote", "m", "a", "1", "--reason", "x"]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("403 forbidden: this token has 'read' scope; this request needs 'write'");

    const revoked = await cli(baseURL!, admin.token, ["token", "revoke", String(row.id), "--json"]);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: row.id, revokedAt: expect.any(String) });
    const after = await cli(baseURL!, secret, ["status"]);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain("401 unauthorized: the API token is unknown or revoked");
  });

  test("exit codes: 2 for usage, 3 when the server cannot be reached", async ({ baseURL, admin }) => {
    const usage = await cli(baseURL!, admin.token, ["best", "m"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--metric is required");
    const unknown = await cli(baseURL!, admin.token, ["frobnicate"]);
    expect(unknown.code).toBe(2);
    const down = await cli("http://127.0.0.1:9", admin.token, ["status", "--json"], { PROVSCOPE_RETRY_SECONDS: "0" });
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout).error).toMatchObject({ code: "connection_failed", status: 0 });
    const help = await cli(baseURL!, admin.token, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("import openlineage");
  });

  test("import openlineage (array and JSON Lines files) and export the lineage", async ({ request, baseURL, admin }) => {
    const ns = uniq("ol");
    const runA = randomUUID();
    const runB = randomUUID();
    const event = (runId: string, job: string, type: string, inputs: string[], outputs: string[]) => ({
      eventType: type, eventTime: "2026-11-22T10:00:00Z", run: { runId }, job: { namespace: ns, name: job },
      inputs: inputs.map((name) => ({ namespace: "file", name })), outputs: outputs.map((name) => ({ namespace: "file", name })),
      producer: "https://example.org/provscope-e2e",
    });
    const dir = tmp();
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.jsonl");
    writeFileSync(a, JSON.stringify([event(runA, "prepare", "START", [], []), event(runA, "prepare", "COMPLETE", [], [`/${ns}/clean.h5`])]));
    writeFileSync(b, [event(runB, "train", "START", [`/${ns}/clean.h5`], []), event(runB, "train", "COMPLETE", [`/${ns}/clean.h5`], [`/${ns}/model.pt`])].map((e) => JSON.stringify(e)).join("\n"));

    const imported = await cli(baseURL!, admin.token, ["import", "openlineage", a, b, "--chunk", "3", "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ files: 2, received: 4, successful: 4, failed: 0 });
    expect((await getJson(request, `/api/v1/executions/${runB}`)).status).toBe("COMPLETED");

    const graph = await cli(baseURL!, admin.token, ["export", "--node", `execution:${runB}`, "--direction", "up", "--depth", "2", "--format", "graph"]);
    expect(graph.code, graph.stderr).toBe(0);
    const ids = JSON.parse(graph.stdout).nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([`execution:${runB}`, `execution:${runA}`]));
    const dir2 = tmp();
    const out = path.join(dir2, "prov.json");
    const prov = await cli(baseURL!, admin.token, ["export", "--node", `execution:${runB}`, "-o", out]);
    expect(prov.code, prov.stderr).toBe(0);
    expect(prov.stderr).toContain(`wrote ${out}`);

    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify([{ eventType: "START", eventTime: "2026-11-22T10:00:00Z", job: { namespace: ns, name: "x" }, run: {} }]));
    const partial = await cli(baseURL!, admin.token, ["import", "openlineage", bad]);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/0 of 1 events imported[\s\S]*bad\.json event 0: .*runId/);
  });

  test("import cmf: a CMF push, then the same push again", async ({ request, baseURL, admin }) => {
    const pipeline = uniq("cli-cmf");
    const uuids = new Map<string, string>();
    const push = renamedSample(pipeline, (old) => {
      if (!uuids.has(old)) uuids.set(old, randomUUID());
      return uuids.get(old)!;
    });
    const file = path.join(tmp(), "push.json");
    writeFileSync(file, JSON.stringify(push));
    const first = await cli(baseURL!, admin.token, ["import", "cmf", file, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: "success" });
    const again = await cli(baseURL!, admin.token, ["import", "cmf", file]);
    expect(again.stdout.trim()).toBe(`${pipeline}: exists`);
    const pipelines = await getJson(request, "/api/v1/pipelines");
    expect(JSON.stringify(pipelines)).toContain(pipeline);
  });
});
