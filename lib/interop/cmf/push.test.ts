import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { getExecution } from "../../query/get-execution";
import { createTestDb } from "../../testing/test-db";
import { pushCmf, pushCmfResponse } from "./push";
import { renamedSample } from "./test-sample";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const fresh = () => {
  const map = new Map<string, string>();
  const pipeline = `cmf-${randomUUID().slice(0, 8)}`;
  const body = renamedSample(pipeline, (old) => map.get(old) ?? (map.set(old, randomUUID()), map.get(old)!));
  return { pipeline, body, uuid: (old: string) => map.get(old)! };
};
const counts = async (pipeline: string) => ({
  executions: await db.execution.count({ where: { pipeline: { name: pipeline } } }),
  events: await db.event.count({ where: { execution: { pipeline: { name: pipeline } } } }),
  metrics: await db.executionMetric.count({ where: { execution: { pipeline: { name: pipeline } } } }),
});

describe("pushCmf", () => {
  it("writes the sample once; the second push answers exists and writes nothing", async () => {
    const { pipeline, body, uuid } = fresh();
    expect(await pushCmf(db, body, "cmf")).toEqual({ status: "success" });
    const first = await counts(pipeline);
    expect(first).toEqual({ executions: 4, events: 18, metrics: 2 });
    const artifactsBefore = await db.artifact.count();

    expect(await pushCmf(db, body, "cmf")).toEqual({ status: "exists" });
    expect(await counts(pipeline)).toEqual(first);
    expect(await db.artifact.count()).toBe(artifactsBefore);

    const evaluate = await getExecution(db, uuid("48ad70d2-76f6-11ee-9600-5b8c6d427e3f"));
    expect(evaluate).toMatchObject({ pipeline, stage: "Evaluate", status: "COMPLETED", metrics: { avg_prec: 0.526754, roc_auc: 0.959238 } });
    const prepare = await getExecution(db, uuid("1afa7676-76f6-11ee-9600-5b8c6d427e3f"));
    expect(prepare.params).toEqual({ split: 0.2, seed: 20170428 });
    expect(await db.executionParam.findUnique({ where: { executionId_key: { executionId: (await db.execution.findUniqueOrThrow({ where: { uuid: prepare.uuid } })).id, key: "split" } } })).toMatchObject({ num: 0.2, str: null });
  });

  it("connects stages through shared artifacts: Prepare's output is Featurize's input", async () => {
    const { body, uuid } = fresh();
    await pushCmf(db, body, "cmf");
    const prepare = await getExecution(db, uuid("1afa7676-76f6-11ee-9600-5b8c6d427e3f"));
    const featurize = await getExecution(db, uuid("25c66fa6-76f6-11ee-9600-5b8c6d427e3f"));
    const shared = prepare.outputs.filter((o) => featurize.inputs.some((i) => i.id === o.id));
    expect(shared.map((a) => a.name).sort()).toEqual(["artifacts/parsed/test.tsv", "artifacts/parsed/train.tsv"]);
  });

  it("pushes only the new executions when some are known, and only exec_uuid's when given", async () => {
    const { pipeline, body, uuid } = fresh();
    const train = uuid("3f6f2db2-76f6-11ee-9600-5b8c6d427e3f");
    expect(await pushCmf(db, { ...body, exec_uuid: train }, "cmf")).toEqual({ status: "success" });
    expect((await counts(pipeline)).executions).toBe(1);
    expect(await pushCmf(db, { ...body, exec_uuid: train }, "cmf")).toEqual({ status: "exists" });
    expect(await pushCmf(db, body, "cmf")).toEqual({ status: "success" });
    expect((await counts(pipeline)).executions).toBe(4);
  });

  it("merges a named (reusable) execution on every push, as CMF's server does, without duplicating it", async () => {
    const pipeline = `cmf-reuse-${randomUUID().slice(0, 8)}`;
    const exec = randomUUID();
    const doc = (n: number) => ({
      pipeline_name: pipeline,
      json_payload: JSON.stringify({
        Pipeline: [{ name: pipeline, stages: [{ name: `${pipeline}/slice`, executions: [{
          name: "slicer", properties: { Execution_uuid: exec }, custom_properties: { n: String(n) },
          events: [{ type: 4, artifact: { type: "Dataslice", name: `slices/s${n}:${"ab".repeat(16)}`, uri: "ab".repeat(16) } }],
        }] }] }],
      }),
    });
    expect(await pushCmf(db, doc(1), "cmf")).toEqual({ status: "success" });
    expect(await pushCmf(db, doc(2), "cmf")).toEqual({ status: "success" });
    const e = await getExecution(db, exec);
    expect(e).toMatchObject({ name: "slicer", params: { n: 2 } });
    expect(e.outputs.map((o) => [o.type, o.name])).toEqual([["dataset", "slices/s1"], ["dataset", "slices/s2"]]);
    expect((await counts(pipeline)).executions).toBe(1);
  });

  it("answers CMF's refusals with CMF's status and body, writing nothing", async () => {
    const { pipeline, body } = fresh();
    const res = (await pushCmfResponse(db, { ...body, pipeline_name: "elsewhere" }, "cmf")) as Response;
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: "pipeline_not_exist", detail: "Pipeline name 'elsewhere' does not exist.", error: { code: "pipeline_not_exist" } });
    const missing = (await pushCmfResponse(db, { ...body, exec_uuid: "no-such-uuid" }, "cmf")) as Response;
    expect(missing.status).toBe(404);
    expect((await counts(pipeline)).executions).toBe(0);
  });
});
