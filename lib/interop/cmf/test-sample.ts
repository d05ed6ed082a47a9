import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// CMF's example pipeline Test-env as its client pushes it (shared/testdata/cmf, beside the clone).
const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/testdata/cmf/reconstructed_mlmd_push_request_body.json");

export type SamplePush = { exec_uuid: string | null; pipeline_name: string; json_payload: string };

export function loadSamplePush(): SamplePush {
  return JSON.parse(readFileSync(SAMPLE, "utf8")) as SamplePush;
}

// The sample with its own pipeline name and execution uuids, so tests can push it repeatedly
// without meeting each other's data. The artifact hashes stay, as they would for the same files.
export function renamedSample(pipeline: string, uuid: (old: string) => string): SamplePush {
  const sample = loadSamplePush();
  let payload = sample.json_payload.split(JSON.stringify(sample.pipeline_name).slice(1, -1)).join(pipeline);
  payload = payload.replace(/"Execution_uuid": "([^"]+)"/g, (_m, old: string) => `"Execution_uuid": "${old.split(",").map(uuid).join(",")}"`);
  return { ...sample, pipeline_name: pipeline, json_payload: payload };
}
