import { describe, expect, it } from "vitest";
import { ingestBatchBody } from "../../schemas/ingest";
import { decodePush } from "./decode-push";
import { CmfError } from "./errors";
import { artifactName, planPipeline } from "./map-ops";
import { loadSamplePush } from "./test-sample";

const sample = loadSamplePush();
const plans = () => planPipeline(decodePush(sample).pipeline);
const opsOf = (uuid: string) => plans().find((p) => p.uuids[0] === uuid)!.ops;

describe("planPipeline on CMF's Test-env sample", () => {
  it("plans one execution per CMF execution, in stage order, each with valid ingest ops", () => {
    const all = plans();
    expect(all.map((p) => p.uuids[0])).toEqual([
      "1afa7676-76f6-11ee-9600-5b8c6d427e3f",
      "25c66fa6-76f6-11ee-9600-5b8c6d427e3f",
      "3f6f2db2-76f6-11ee-9600-5b8c6d427e3f",
      "48ad70d2-76f6-11ee-9600-5b8c6d427e3f",
    ]);
    expect(all.every((p) => !p.reusable)).toBe(true);
    for (const p of all) expect(() => ingestBatchBody.parse({ batchId: "b", ops: p.ops })).not.toThrow();
  });

  it("starts the execution in its stage with numbers for numeric string params", () => {
    const [start] = opsOf("1afa7676-76f6-11ee-9600-5b8c6d427e3f");
    expect(start).toEqual({
      op: "execution.start",
      pipeline: "Test-env",
      stage: "Prepare",
      execution: "1afa7676-76f6-11ee-9600-5b8c6d427e3f",
      params: { split: 0.2, seed: 20170428 },
      properties: expect.objectContaining({
        command: "['src/parse.py', 'artifacts/data.xml.gz', 'artifacts/parsed']",
        git: { repo: "https://github.com/hpe-user/experiment-repo.git", startCommit: "44bf2ad09d89e24693c8e98b8da8fcecb248fb77" },
        pythonEnv: "cmf_artifacts/python_env_5d41402abc4b2a76b9719d911017c592.txt",
      }),
      startedAt: new Date(1698650988149).toISOString(),
    });
  });

  it("maps every artifact type, with the path as name and the content hash as identity", () => {
    const artifacts = plans().flatMap((p) => p.ops.filter((o) => o.op === "artifact"));
    const byCmfType = new Map<string, (typeof artifacts)[number]>();
    for (const a of artifacts) {
      const cmfType = (a.properties as { cmf_type: string }).cmf_type;
      if (!byCmfType.has(cmfType)) byCmfType.set(cmfType, a); // the first sighting
    }
    expect([...byCmfType.keys()].sort()).toEqual(["Dataset", "Environment", "Label", "Metrics", "Model", "Step_Metrics"]);
    expect(byCmfType.get("Dataset")).toMatchObject({ type: "dataset", direction: "input", name: "artifacts/data.xml.gz", hash: "md5:236d9502e0283d91f689d7038b8508a2", uri: "Test-env:/home/hpe-user/local-storage/23/6d9502e0283d91f689d7038b8508a2" });
    expect(byCmfType.get("Label")).toMatchObject({ type: "dataset", name: "artifacts/labels.csv", properties: { user1: "xyz" } });
    expect(byCmfType.get("Environment")).toMatchObject({ type: "environment", name: "cmf_artifacts/python_env_5d41402abc4b2a76b9719d911017c592.txt" });
    expect(byCmfType.get("Model")).toMatchObject({ type: "model", direction: "output", name: "artifacts/model/model.pkl", hash: "md5:bf7975fbe663ce62c5287eebf6b35f7a", properties: { model_framework: "SKlearn" } });
    expect(byCmfType.get("Step_Metrics")).toMatchObject({ type: "step_metrics", name: "cmf_artifacts/3f6f2db2-76f6-11ee-9600-5b8c6d427e3f/metrics/training_metrics", hash: "md5:d7c32a3f4fce4888c905de07ba253b6e" });
    expect(byCmfType.get("Metrics")).toMatchObject({ type: "metrics", name: "metrics", hash: "cmf:878d492e-596c-11ed-99a3-b47af137252e" });
  });

  it("turns an output Metrics artifact into execution metrics and ends every execution COMPLETED", () => {
    const evaluate = opsOf("48ad70d2-76f6-11ee-9600-5b8c6d427e3f");
    expect(evaluate).toContainEqual({ op: "metrics", execution: "48ad70d2-76f6-11ee-9600-5b8c6d427e3f", values: { avg_prec: 0.526754, roc_auc: 0.959238 } });
    expect(evaluate[evaluate.length - 1]).toEqual({ op: "execution.end", execution: "48ad70d2-76f6-11ee-9600-5b8c6d427e3f", status: "COMPLETED", endedAt: new Date(1698651064822).toISOString() });
    expect(opsOf("3f6f2db2-76f6-11ee-9600-5b8c6d427e3f").some((o) => o.op === "metrics")).toBe(false);
  });

  it("links one stage's output to the next stage's input through the same (type, name, hash)", () => {
    const key = (o: { type: string; name: string; hash: string }) => `${o.type}|${o.name}|${o.hash}`;
    const outputs = opsOf("1afa7676-76f6-11ee-9600-5b8c6d427e3f").flatMap((o) => (o.op === "artifact" && o.direction === "output" ? [key(o)] : []));
    const inputs = opsOf("25c66fa6-76f6-11ee-9600-5b8c6d427e3f").flatMap((o) => (o.op === "artifact" && o.direction === "input" ? [key(o)] : []));
    expect(outputs.filter((k) => inputs.includes(k))).toHaveLength(2);
  });
});

describe("CMF refusals", () => {
  const doc = (executions: unknown[]) => ({ pipeline_name: "p", json_payload: JSON.stringify({ Pipeline: [{ name: "p", stages: [{ name: "p/s", executions }] }] }) });
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      if (err instanceof CmfError) return { refusal: err.refusal, status: err.status };
      throw err;
    }
    return null;
  };

  it.each([
    { name: "no Pipeline", body: { pipeline_name: "p", json_payload: "{}" }, refusal: "invalid_json_payload", status: 400 },
    { name: "payload not JSON", body: { pipeline_name: "p", json_payload: "{nope" }, refusal: "invalid_json_payload", status: 400 },
    { name: "empty Pipeline", body: { pipeline_name: "p", json_payload: '{"Pipeline": []}' }, refusal: "invalid_json_payload", status: 400 },
    { name: "other pipeline", body: { ...doc([]), pipeline_name: "q" }, refusal: "pipeline_not_exist", status: 404 },
  ])("$name → $refusal ($status)", ({ body, refusal: want, status }) => {
    expect(refusal(() => decodePush(body))).toEqual({ refusal: want, status });
  });

  it("answers version_update (422) for an execution without Execution_uuid", () => {
    const { pipeline } = decodePush(doc([{ name: "", properties: {} }]));
    expect(refusal(() => planPipeline(pipeline))).toEqual({ refusal: "version_update", status: 422 });
  });

  it("accepts a decoded document posted as it is, taking the first pipeline's name", () => {
    expect(decodePush(JSON.parse(sample.json_payload)).pipeline.name).toBe("Test-env");
  });
});

describe("artifactName", () => {
  it.each([
    ["artifacts/data.xml.gz:236d9502e0283d91f689d7038b8508a2", "236d9502e0283d91f689d7038b8508a2", "artifacts/data.xml.gz"],
    ["artifacts/model/model.pkl:bf7975fbe663ce62c5287eebf6b35f7a:3", "bf7975fbe663ce62c5287eebf6b35f7a", "artifacts/model/model.pkl"],
    ["s3://bucket/data.csv:0e7c3b2a5d1f4c6e8a9b0c1d2e3f4a5b", undefined, "s3://bucket/data.csv"],
    ["plain-name", undefined, "plain-name"],
  ])("%s → %s", (name, uri, want) => expect(artifactName(name, uri)).toBe(want));
});
