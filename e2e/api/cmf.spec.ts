import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniq, getJson } from "../fixtures";
import { renamedSample } from "../../lib/interop/cmf/test-sample";

// CMF's client pointed at Provscope: POST /api/mlmd_push with the body `cmf metadata push` sends,
// the sample pipeline Test-env from shared/testdata/cmf, renamed per test so tests never meet.

const PREPARE = "1afa7676-76f6-11ee-9600-5b8c6d427e3f";
const EVALUATE = "48ad70d2-76f6-11ee-9600-5b8c6d427e3f";

function sample() {
  const uuids = new Map<string, string>();
  const pipeline = uniq("cmf-Test-env");
  const body = renamedSample(pipeline, (old) => uuids.get(old) ?? (uuids.set(old, randomUUID()), uuids.get(old)!));
  return { pipeline, body, uuid: (old: string) => uuids.get(old)! };
}

const basic = (token: string) => ({ Authorization: `Basic ${Buffer.from(`cmf:${token}`).toString("base64")}` });

async function snapshot(request: APIRequestContext, pipeline: string) {
  const list = await getJson(request, `/api/v1/executions?pipeline=${encodeURIComponent(pipeline)}&limit=100`);
  const details = await Promise.all(list.executions.map((e: { uuid: string }) => getJson(request, `/api/v1/executions/${e.uuid}`)));
  return {
    total: list.total as number,
    edges: details
      .flatMap((d) => [...d.inputs.map((a: { id: number }) => `${d.uuid}<-${a.id}`), ...d.outputs.map((a: { id: number }) => `${d.uuid}->${a.id}`)])
      .sort(),
  };
}

test("the sample push lands once: the second push answers exists and duplicates nothing", async ({ request, admin }) => {
  const { pipeline, body, uuid } = sample();
  const first = await request.post("/api/mlmd_push", { headers: admin.headers, data: body });
  expect(first.status(), await first.text()).toBe(200);
  expect(await first.json()).toEqual({ status: "success" });
  const before = await snapshot(request, pipeline);
  expect(before.total).toBe(4);
  expect(before.edges).toHaveLength(18);

  const second = await request.post("/api/mlmd_push", { headers: admin.headers, data: body });
  expect(second.status()).toBe(200);
  expect(await second.json()).toEqual({ status: "exists" });
  expect(await snapshot(request, pipeline)).toEqual(before);

  const evaluate = await getJson(request, `/api/v1/executions/${uuid(EVALUATE)}`);
  expect(evaluate).toMatchObject({ pipeline, stage: "Evaluate", status: "COMPLETED", metrics: { avg_prec: 0.526754, roc_auc: 0.959238 } });
  expect(evaluate.outputs).toEqual([expect.objectContaining({ type: "metrics", name: "metrics" })]);
  const prepare = await getJson(request, `/api/v1/executions/${uuid(PREPARE)}`);
  expect(prepare.params).toEqual({ split: 0.2, seed: 20170428 });
  expect(prepare.properties).toMatchObject({ git: { startCommit: "44bf2ad09d89e24693c8e98b8da8fcecb248fb77" } });

  // CMF metrics are execution metrics, so the filter language finds them; "0.2" compares as a number.
  const filtered = await getJson(request, `/api/v1/executions?pipeline=${encodeURIComponent(pipeline)}&filter=${encodeURIComponent("metrics.roc_auc > 0.9 OR params.split < 0.5")}`);
  expect(filtered.executions.map((e: { uuid: string }) => e.uuid).sort()).toEqual([uuid(PREPARE), uuid(EVALUATE)].sort());

  // Lineage connects the stages through the shared artifacts: the model reaches Evaluate.
  const lineage = await getJson(request, `/api/v1/lineage?node=execution:${uuid(PREPARE)}&direction=down&depth=10`);
  expect(lineage.nodes.map((n: { id: string }) => n.id)).toContain(`execution:${uuid(EVALUATE)}`);
});

test("CMF's client authenticates with the token as Basic password (URL or ~/.netrc)", async ({ request, tokenFor }) => {
  const { body } = sample();
  const writer = await tokenFor("write");
  const ok = await request.post("/api/mlmd_push", { headers: basic(writer), data: body });
  expect(ok.status(), await ok.text()).toBe(200);

  const none = await request.post("/api/mlmd_push", { data: sample().body });
  expect(none.status()).toBe(401);
  expect((await none.json()).error.code).toBe("unauthorized");
  const reader = await request.post("/api/mlmd_push", { headers: basic(await tokenFor("read")), data: sample().body });
  expect(reader.status()).toBe(403);
});

test("CMF's refusals keep CMF's status codes and status words", async ({ request, admin }) => {
  const { body } = sample();
  const cases = [
    { data: { ...body, pipeline_name: "not-in-payload" }, status: 404, word: "pipeline_not_exist" },
    { data: { ...body, json_payload: JSON.stringify({ stages: [] }) }, status: 400, word: "invalid_json_payload" },
    { data: { ...body, json_payload: body.json_payload.replace(/"Execution_uuid": "[^"]+",?/g, "") }, status: 422, word: "version_update" },
  ];
  for (const c of cases) {
    const res = await request.post("/api/mlmd_push", { headers: admin.headers, data: c.data });
    expect(res.status()).toBe(c.status);
    expect(await res.json()).toMatchObject({ status: c.word, detail: expect.any(String), error: { code: c.word } });
  }
  const malformed = await request.post("/api/mlmd_push", { headers: { ...admin.headers, "content-type": "application/json" }, data: Buffer.from("{") });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");
});
