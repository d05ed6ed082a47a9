import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, uniq, auth, getJson } from "../fixtures";

// The MLflow tracking REST API over plain HTTP, as MLflow's REST reference describes it: GET
// parameters in the query string, POST bodies as JSON, `Authorization: Bearer $MLFLOW_TRACKING_TOKEN`.

const API = "/api/2.0/mlflow";

function client(request: APIRequestContext, token: string) {
  const headers = auth(token);
  const check = async (res: APIResponse, status = 200) => {
    expect(res.status(), await res.text()).toBe(status);
    return res.json();
  };
  return {
    get: async (path: string, params: Record<string, string>, status?: number) => check(await request.get(`${API}/${path}?${new URLSearchParams(params)}`, { headers }), status),
    post: async (path: string, data: unknown, status?: number) => check(await request.post(`${API}/${path}`, { headers, data }), status),
    del: async (path: string, data: unknown, status?: number) => check(await request.delete(`${API}/${path}`, { headers, data }), status),
  };
}

test("a run logged through MLflow's REST API is an execution with lineage, charts and a registry entry", async ({ request, tokenFor }) => {
  const mlflow = client(request, await tokenFor("write"));
  const experimentName = uniq("mlflow-exp");
  const modelName = uniq("mlflow-model");

  const { experiment_id } = await mlflow.post("experiments/create", { name: experimentName });
  expect(experiment_id).toMatch(/^\d+$/);
  const { experiment } = await mlflow.get("experiments/get-by-name", { experiment_name: experimentName });
  expect(experiment).toMatchObject({ experiment_id, name: experimentName, lifecycle_stage: "active" });
  expect((await mlflow.get("experiments/get", { experiment_id })).experiment.name).toBe(experimentName);

  const start = Date.now() - 60_000;
  const created = await mlflow.post("runs/create", { experiment_id, run_name: "resnet-it1", start_time: start, tags: [{ key: "mlflow.user", value: "alice" }] });
  const runId: string = created.run.info.run_id;
  expect(runId).toMatch(/^[0-9a-f]{32}$/);
  expect(created.run.info).toMatchObject({ experiment_id, run_name: "resnet-it1", status: "RUNNING", user_id: "alice", start_time: start });

  expect(await mlflow.post("runs/log-parameter", { run_id: runId, key: "lr", value: "0.001" })).toEqual({});
  const losses = [0.91, 0.72, 0.64, 0.52, 0.47];
  for (const [step, value] of losses.entries()) {
    expect(await mlflow.post("runs/log-metric", { run_id: runId, key: "train_loss", value, timestamp: start + step * 1000, step })).toEqual({});
  }
  expect(await mlflow.post("runs/log-batch", {
    run_id: runId,
    metrics: [{ key: "val_loss", value: 0.55, timestamp: start + 5000, step: 4 }, { key: "val_loss", value: 0.5, timestamp: start + 6000, step: 5 }],
    params: [{ key: "arch", value: "resnet" }, { key: "epochs", value: "5" }],
    tags: [{ key: "phase", value: "train" }],
  })).toEqual({});
  expect(await mlflow.post("runs/set-tag", { run_id: runId, key: "phase", value: "evaluated" })).toEqual({});
  const end = Date.now();
  const updated = await mlflow.post("runs/update", { run_id: runId, status: "FINISHED", end_time: end });
  expect(updated.run_info).toMatchObject({ run_id: runId, status: "FINISHED", end_time: end });

  const { run } = await mlflow.get("runs/get", { run_id: runId });
  expect(run.info).toMatchObject({ run_id: runId, run_uuid: runId, experiment_id, status: "FINISHED", start_time: start, end_time: end });
  expect(run.data.metrics).toEqual(expect.arrayContaining([
    { key: "train_loss", value: 0.47, timestamp: start + 4000, step: 4 },
    { key: "val_loss", value: 0.5, timestamp: start + 6000, step: 5 },
  ]));
  expect(run.data.params).toEqual(expect.arrayContaining([{ key: "lr", value: "0.001" }, { key: "arch", value: "resnet" }, { key: "epochs", value: "5" }]));
  expect(run.data.tags).toEqual(expect.arrayContaining([{ key: "phase", value: "evaluated" }, { key: "mlflow.user", value: "alice" }, { key: "mlflow.runName", value: "resnet-it1" }]));

  const found = await mlflow.post("runs/search", { experiment_ids: [experiment_id], filter: "metrics.val_loss < 0.6 and params.arch = 'resnet' and attributes.status = 'FINISHED'", max_results: 10 });
  expect(found.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runId]);
  const none = await mlflow.post("runs/search", { experiment_ids: [experiment_id], filter: "params.lr = '0.1'" });
  expect(none.runs ?? []).toEqual([]);

  const history = await mlflow.get("metrics/get-history", { run_id: runId, metric_key: "train_loss" });
  expect(history.metrics).toEqual(losses.map((value, step) => ({ key: "train_loss", value, timestamp: start + step * 1000, step })));

  const { registered_model } = await mlflow.post("registered-models/create", { name: modelName });
  expect(registered_model).toMatchObject({ name: modelName });
  const source = `runs:/${runId}/model`;
  const { model_version } = await mlflow.post("model-versions/create", { name: modelName, source, run_id: runId });
  expect(model_version).toMatchObject({ name: modelName, version: "1", source, run_id: runId, status: "READY" });
  expect(await mlflow.post("registered-models/alias", { name: modelName, alias: "champion", version: "1" })).toEqual({});
  const byAlias = await mlflow.get("registered-models/alias", { name: modelName, alias: "champion" });
  expect(byAlias.model_version).toMatchObject({ name: modelName, version: "1", run_id: runId, aliases: ["champion"] });
  expect((await mlflow.get("registered-models/get", { name: modelName })).registered_model).toMatchObject({
    name: modelName,
    latest_versions: [expect.objectContaining({ version: "1" })],
    aliases: [{ alias: "champion", version: "1" }],
  });
  expect(await mlflow.del("registered-models/alias", { name: modelName, alias: "champion" })).toEqual({});
  const gone = await mlflow.get("registered-models/alias", { name: modelName, alias: "champion" }, 404);
  expect(gone).toMatchObject({ error_code: "RESOURCE_DOES_NOT_EXIST", message: expect.stringContaining("champion") });

  // The same run through Provscope's own API: execution, series chart data, registry.
  const execution = await getJson(request, `/api/v1/executions/${runId}`);
  expect(execution).toMatchObject({
    uuid: runId, name: "resnet-it1", pipeline: experimentName, stage: "mlflow", status: "COMPLETED",
    params: { lr: 0.001, arch: "resnet", epochs: 5 },
    metrics: { train_loss: 0.47, val_loss: 0.5 },
    properties: { tags: { phase: "evaluated" } },
    modelVersions: [{ model: modelName, version: 1 }],
  });
  expect(execution.outputs).toEqual([expect.objectContaining({ type: "model", name: modelName, uri: source })]);
  const series = await getJson(request, `/api/v1/series?execution=${runId}&key=train_loss`);
  expect(series.buckets.map((b: { step: number; last: number }) => [b.step, b.last])).toEqual(losses.map((v, i) => [i, v]));
  const model = await getJson(request, `/api/v1/models/${encodeURIComponent(modelName)}`);
  expect(model.versions).toEqual([expect.objectContaining({ version: 1, execution: expect.objectContaining({ uuid: runId }), metrics: { train_loss: 0.47, val_loss: 0.5 } })]);
  const aliasHistory = await getJson(request, `/api/v1/models/${encodeURIComponent(modelName)}/aliases/champion/history`);
  expect(aliasHistory.changes.map((c: { action: string; from: number | null; to: number | null }) => [c.action, c.from, c.to])).toEqual([["promote", null, 1], ["remove", 1, null]]);
  const filtered = await getJson(request, `/api/v1/executions?pipeline=${encodeURIComponent(experimentName)}&filter=${encodeURIComponent("params.lr < 0.01 AND metrics.val_loss <= 0.5")}`);
  expect(filtered.total).toBe(1);
});

test("errors come back in MLflow's shape with MLflow's status codes", async ({ request, tokenFor }) => {
  const writer = await tokenFor("write");
  const mlflow = client(request, writer);
  const { experiment_id } = await mlflow.post("experiments/create", { name: uniq("mlflow-err") });
  const runId: string = (await mlflow.post("runs/create", { experiment_id })).run.info.run_id;

  const unknownRun = await mlflow.get("runs/get", { run_id: "0123456789abcdef0123456789abcdef" }, 404);
  expect(unknownRun).toEqual({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "Run with id=0123456789abcdef0123456789abcdef not found" });
  expect((await mlflow.post("runs/log-metric", { run_id: "nope", key: "x", value: 1, timestamp: 1 }, 404)).error_code).toBe("RESOURCE_DOES_NOT_EXIST");

  const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: "m", value: i, timestamp: 1, step: i }));
  const tooMany = await mlflow.post("runs/log-batch", { run_id: runId, metrics }, 400);
  expect(tooMany).toEqual({
    error_code: "INVALID_PARAMETER_VALUE",
    message: "A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.",
  });
  const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "v" }));
  expect((await mlflow.post("runs/log-batch", { run_id: runId, params }, 400)).message).toContain("at most 100 params");
  expect((await mlflow.get("metrics/get-history", { run_id: runId, metric_key: "m" })).metrics ?? []).toEqual([]); // nothing written

  const cases: Array<{ name: string; run: () => Promise<unknown>; code: string }> = [
    { name: "duplicate experiment", run: async () => mlflow.post("experiments/create", { name: (await mlflow.get("experiments/get", { experiment_id })).experiment.name }, 400), code: "RESOURCE_ALREADY_EXISTS" },
    { name: "unknown experiment", run: () => mlflow.get("experiments/get", { experiment_id: "999999999" }, 404), code: "RESOURCE_DOES_NOT_EXIST" },
    { name: "missing run_id", run: () => mlflow.post("runs/log-parameter", { key: "a", value: "b" }, 400), code: "INVALID_PARAMETER_VALUE" },
    { name: "changed param", run: async () => { await mlflow.post("runs/log-parameter", { run_id: runId, key: "a", value: "1" }); return mlflow.post("runs/log-parameter", { run_id: runId, key: "a", value: "2" }, 400); }, code: "INVALID_PARAMETER_VALUE" },
    { name: "tag filter", run: () => mlflow.post("runs/search", { experiment_ids: [experiment_id], filter: "tags.team = 'x'" }, 400), code: "INVALID_PARAMETER_VALUE" },
    { name: "unknown registered model", run: () => mlflow.get("registered-models/get", { name: uniq("nope") }, 404), code: "RESOURCE_DOES_NOT_EXIST" },
    { name: "alias delete, parameters in the query", run: async () => (await request.delete(`${API}/registered-models/alias?name=${uniq("nope")}&alias=a`, { headers: auth(writer) })).json(), code: "RESOURCE_DOES_NOT_EXIST" },
    { name: "unsupported endpoint", run: () => mlflow.post("runs/delete", { run_id: runId }, 404), code: "ENDPOINT_NOT_FOUND" },
  ];
  for (const c of cases) expect(await c.run(), c.name).toMatchObject({ error_code: c.code, message: expect.any(String) });

  const anonymous = await request.post(`${API}/runs/create`, { data: { experiment_id } });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error_code).toBe("UNAUTHENTICATED");
  const reader = await request.post(`${API}/runs/create`, { headers: auth(await tokenFor("read")), data: { experiment_id } });
  expect(reader.status()).toBe(403);
  expect((await reader.json()).error_code).toBe("PERMISSION_DENIED");
  const malformed = await request.post(`${API}/runs/create`, { headers: { ...auth(writer), "content-type": "application/json" }, data: Buffer.from("{") });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error_code).toBe("BAD_REQUEST");
  // MLFLOW_TRACKING_USERNAME/PASSWORD: Basic auth with the token as password.
  const basic = await request.get(`${API}/experiments/get?experiment_id=${experiment_id}`, { headers: { Authorization: `Basic ${Buffer.from(`u:${writer}`).toString("base64")}` } });
  expect(basic.status()).toBe(200);
});
