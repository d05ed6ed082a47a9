import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { getExecution } from "../../query/get-execution";
import { aliasHistory } from "../../registry/alias-history";
import { getModel } from "../../registry/get-model";
import * as s from "../../schemas/mlflow";
import { createTestDb } from "../../testing/test-db";
import { createExperiment, getExperiment, getExperimentByName } from "./experiments";
import { getMetricHistory } from "./metric-history";
import { createModelVersion, createRegisteredModel, deleteAlias, modelHash, setAlias } from "./registry";
import { getModelVersionByAlias, getRegisteredModel } from "./registry-read";
import { getRun } from "./runs-read";
import { createRun, logBatch, logMetric, logParam, setTag, updateRun } from "./runs-write";
import { searchRuns } from "./search-runs";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const uniq = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;
const A = "tester";

async function newRun(experimentName = uniq("exp"), tags: Array<{ key: string; value: string }> = []) {
  const { experiment_id } = await createExperiment(db, s.createExperimentBody.parse({ name: experimentName }));
  const { run } = await createRun(db, s.createRunBody.parse({ experiment_id, run_name: "r1", start_time: 1_700_000_000_000, tags }), A);
  return { experimentId: experiment_id, experimentName, runId: run.info.run_id };
}

describe("experiments", () => {
  it("creates, gets by id and by name, and refuses a duplicate name", async () => {
    const name = uniq("exp");
    const { experiment_id } = await createExperiment(db, { name });
    expect(experiment_id).toMatch(/^\d+$/);
    expect((await getExperiment(db, experiment_id)).experiment).toMatchObject({ experiment_id, name, lifecycle_stage: "active" });
    expect((await getExperimentByName(db, name)).experiment.experiment_id).toBe(experiment_id);
    await expect(createExperiment(db, { name })).rejects.toMatchObject({ code: "RESOURCE_ALREADY_EXISTS", status: 400 });
    await expect(getExperiment(db, "99999999")).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST", status: 404 });
    await expect(getExperimentByName(db, uniq("missing"))).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST" });
  });

  it("has the implicit experiment 0, whose runs land in the pipeline named Default", async () => {
    expect((await getExperiment(db, "0")).experiment).toMatchObject({ experiment_id: "0", name: "Default" });
    const { run } = await createRun(db, s.createRunBody.parse({}), A);
    expect(run.info.experiment_id).toBe("0");
    expect(await getExecution(db, run.info.run_id)).toMatchObject({ pipeline: "Default", stage: "mlflow" });
  });
});

describe("runs", () => {
  it("creates a run as an execution with a 32-hex id, its tags in the properties", async () => {
    const { runId, experimentName } = await newRun(undefined, [{ key: "team", value: "cl" }, { key: "provscope.stage", value: "train" }]);
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    const e = await getExecution(db, runId);
    expect(e).toMatchObject({ pipeline: experimentName, stage: "train", name: "r1", status: "RUNNING", properties: { tags: { team: "cl", "mlflow.runName": "r1" } } });
  });

  it("logs params (write-once), metrics (series + latest), tags, and reads them back as MLflow does", async () => {
    const { runId } = await newRun();
    await logParam(db, s.logParamBody.parse({ run_id: runId, key: "lr", value: "0.001" }), A);
    for (const [step, v] of [[0, 0.9], [1, 0.7], [2, 0.5]]) {
      await logMetric(db, s.logMetricBody.parse({ run_id: runId, key: "loss", value: v, timestamp: 1000 + step, step }), A);
    }
    await logBatch(db, s.logBatchBody.parse({
      run_id: runId,
      metrics: [{ key: "acc", value: 0.8, timestamp: 5000, step: 2 }],
      params: [{ key: "arch", value: "resnet" }, { key: "lr", value: "0.001" }],
      tags: [{ key: "phase", value: "a" }],
    }), A);
    await setTag(db, s.setTagBody.parse({ run_id: runId, key: "phase", value: "b" }), A);
    await expect(logParam(db, s.logParamBody.parse({ run_id: runId, key: "lr", value: "0.1" }), A)).rejects.toMatchObject({ code: "INVALID_PARAMETER_VALUE" });

    const { run } = await getRun(db, runId);
    expect(run.info).toMatchObject({ run_id: runId, run_uuid: runId, run_name: "r1", status: "RUNNING", start_time: 1_700_000_000_000, lifecycle_stage: "active" });
    expect(run.data.metrics).toEqual(expect.arrayContaining([
      { key: "loss", value: 0.5, timestamp: 1002, step: 2 },
      { key: "acc", value: 0.8, timestamp: 5000, step: 2 },
    ]));
    expect(run.data.params).toEqual(expect.arrayContaining([{ key: "lr", value: "0.001" }, { key: "arch", value: "resnet" }]));
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: "phase", value: "b" }, { key: "mlflow.runName", value: "r1" }]));

    const e = await getExecution(db, runId);
    expect(e.params).toEqual({ lr: 0.001, arch: "resnet" });
    expect(e.metrics).toEqual({ loss: 0.5, acc: 0.8 });
    expect(e.series).toEqual(expect.arrayContaining([expect.objectContaining({ key: "loss", count: 3, minStep: 0, maxStep: 2 })]));

    const history = await getMetricHistory(db, s.getMetricHistoryQuery.parse({ run_id: runId, metric_key: "loss" }));
    expect(history.metrics).toEqual([
      { key: "loss", value: 0.9, timestamp: 1000, step: 0 },
      { key: "loss", value: 0.7, timestamp: 1001, step: 1 },
      { key: "loss", value: 0.5, timestamp: 1002, step: 2 },
    ]);
    const page = await getMetricHistory(db, s.getMetricHistoryQuery.parse({ run_id: runId, metric_key: "loss", max_results: "2" }));
    expect(page.metrics).toHaveLength(2);
    const rest = await getMetricHistory(db, s.getMetricHistoryQuery.parse({ run_id: runId, metric_key: "loss", max_results: "2", page_token: page.next_page_token }));
    expect(rest).toEqual({ metrics: [{ key: "loss", value: 0.5, timestamp: 1002, step: 2 }] });
  });

  it("writes a retried log-metric once (same content, same batch) but keeps repeated steps from separate calls", async () => {
    const { runId } = await newRun();
    const body = s.logMetricBody.parse({ run_id: runId, key: "x", value: 1, timestamp: 10, step: 0 });
    await logMetric(db, body, A);
    await logMetric(db, body, A);
    await logMetric(db, s.logMetricBody.parse({ run_id: runId, key: "x", value: 2, timestamp: 11, step: 0 }), A);
    const history = await getMetricHistory(db, s.getMetricHistoryQuery.parse({ run_id: runId, metric_key: "x" }));
    expect(history.metrics.map((p) => p.value)).toEqual([1, 2]);
  });

  it("ends, kills and renames runs", async () => {
    const { runId } = await newRun();
    const done = await updateRun(db, s.updateRunBody.parse({ run_id: runId, status: "FINISHED", end_time: 1_700_000_100_000, run_name: "renamed" }), A);
    expect(done.run_info).toMatchObject({ status: "FINISHED", end_time: 1_700_000_100_000, run_name: "renamed" });
    expect(await getExecution(db, runId)).toMatchObject({ status: "COMPLETED", name: "renamed" });

    const other = (await newRun()).runId;
    expect((await updateRun(db, s.updateRunBody.parse({ run_id: other, status: "KILLED" }), A)).run_info.status).toBe("KILLED");
    expect((await getExecution(db, other)).status).toBe("FAILED");
    expect((await updateRun(db, s.updateRunBody.parse({ run_id: other, status: "FAILED" }), A)).run_info.status).toBe("FAILED");
  });

  it("answers RESOURCE_DOES_NOT_EXIST for an unknown run", async () => {
    await expect(getRun(db, "0".repeat(32))).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST", status: 404 });
    await expect(logMetric(db, s.logMetricBody.parse({ run_id: "nope", key: "x", value: 1 }), A)).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST" });
  });
});

describe("runs/search", () => {
  it("filters by metrics, params and status within the experiments, ordered and paged", async () => {
    const name = uniq("search");
    const { experiment_id } = await createExperiment(db, { name });
    const ids: string[] = [];
    for (const [i, loss] of [0.3, 0.6, 0.1].entries()) {
      const { run } = await createRun(db, s.createRunBody.parse({ experiment_id, run_name: `r${i}`, start_time: 1000 + i }), A);
      ids.push(run.info.run_id);
      await logBatch(db, s.logBatchBody.parse({ run_id: run.info.run_id, metrics: [{ key: "loss", value: loss, timestamp: 1, step: 0 }], params: [{ key: "opt", value: i === 1 ? "sgd" : "adam" }, { key: "lr", value: "0.01" }] }), A);
    }
    await updateRun(db, s.updateRunBody.parse({ run_id: ids[2], status: "FINISHED" }), A);
    const search = (body: Record<string, unknown>) => searchRuns(db, s.searchRunsBody.parse({ experiment_ids: [experiment_id], ...body }));

    expect((await search({})).runs.map((r) => r.info.run_id)).toEqual([ids[2], ids[1], ids[0]]); // newest first
    expect((await search({ filter: "metrics.loss < 0.5", order_by: ["metrics.loss ASC"] })).runs.map((r) => r.info.run_name)).toEqual(["r2", "r0"]);
    expect((await search({ filter: "params.opt = 'adam' and params.lr = '0.01'" })).runs).toHaveLength(2);
    expect((await search({ filter: "attributes.status = 'FINISHED'" })).runs.map((r) => r.info.run_id)).toEqual([ids[2]]);
    const first = await search({ max_results: 2 });
    expect(first.runs).toHaveLength(2);
    const second = await search({ max_results: 2, page_token: first.next_page_token });
    expect(second).toEqual({ runs: [expect.objectContaining({ info: expect.objectContaining({ run_id: ids[0] }) })] });
    expect((await searchRuns(db, s.searchRunsBody.parse({ experiment_ids: ["987654321"] }))).runs).toEqual([]);
  });
});

describe("registry", () => {
  it("creates a model, a version from a run, and sets, reads and deletes an alias with history", async () => {
    const { runId } = await newRun();
    const name = uniq("model");
    expect((await createRegisteredModel(db, name)).registered_model).toMatchObject({ name, latest_versions: [], aliases: [] });
    await expect(createRegisteredModel(db, name)).rejects.toMatchObject({ code: "RESOURCE_ALREADY_EXISTS" });

    const source = `runs:/${runId}/model`;
    const { model_version: mv } = await createModelVersion(db, s.createModelVersionBody.parse({ name, source, run_id: runId }), A);
    expect(mv).toMatchObject({ name, version: "1", source, run_id: runId, status: "READY", current_stage: "None" });
    const again = await createModelVersion(db, s.createModelVersionBody.parse({ name, source, run_id: runId }), A);
    expect(again.model_version.version).toBe("1"); // the same run's same source is the same version

    const e = await getExecution(db, runId);
    expect(e.outputs).toEqual([expect.objectContaining({ type: "model", name, uri: source, hash: modelHash(runId, source) })]);
    expect(e.modelVersions).toEqual([{ model: name, version: 1 }]);

    await setAlias(db, s.setAliasBody.parse({ name, alias: "champion", version: "1" }), A);
    expect((await getModelVersionByAlias(db, name, "champion")).model_version).toMatchObject({ version: "1", aliases: ["champion"] });
    expect((await getRegisteredModel(db, name)).registered_model.aliases).toEqual([{ alias: "champion", version: "1" }]);

    await deleteAlias(db, { name, alias: "champion" }, A);
    await deleteAlias(db, { name, alias: "champion" }, A); // a no-op, as in MLflow
    await expect(getModelVersionByAlias(db, name, "champion")).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST", status: 404 });
    expect((await aliasHistory(db, name, "champion")).changes.map((c) => [c.action, c.from, c.to, c.reason, c.actor])).toEqual([
      ["promote", null, 1, "set via MLflow API", A],
      ["remove", 1, null, "removed via MLflow API", A],
    ]);
    expect((await getModel(db, name)).versions[0]).toMatchObject({ version: 1, execution: { uuid: runId } });
  });

  it("refuses a version without run_id or for an unknown model, and an alias to an unknown version", async () => {
    const name = uniq("model");
    await expect(createModelVersion(db, s.createModelVersionBody.parse({ name, source: "s3://x" }), A)).rejects.toMatchObject({ code: "RESOURCE_DOES_NOT_EXIST" });
    await createRegisteredModel(db, name);
    await expect(createModelVersion(db, s.createModelVersionBody.parse({ name, source: "s3://x" }), A)).rejects.toMatchObject({ code: "INVALID_PARAMETER_VALUE" });
    await expect(setAlias(db, s.setAliasBody.parse({ name, alias: "a", version: "3" }), A)).rejects.toMatchObject({ status: 404 });
  });
});
