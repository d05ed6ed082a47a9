import { z } from "zod";

// POST /api/mlmd_push — CMF's push request, read tolerantly: CMF adds fields between releases,
// so unknown keys pass and only what the mapping uses is checked. The ingest ops built from it are
// validated strictly by ingestBatchBody, which is where bad values are reported.

// MLMD property values are int, double or string; anything else is kept as sent.
const props = z.record(z.string(), z.unknown()).default({});
const epochMs = z.number().finite().nonnegative().optional().catch(undefined);

export const cmfArtifact = z.looseObject({
  type: z.string().min(1),
  name: z.string().min(1),
  uri: z.string().optional().catch(undefined),
  properties: props,
  custom_properties: props,
  create_time_since_epoch: epochMs,
});

export const cmfEvent = z.looseObject({
  type: z.number().int(),
  artifact: cmfArtifact,
});

export const cmfExecution = z.looseObject({
  id: z.number().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
  name: z.string().default(""),
  properties: props,
  custom_properties: props,
  events: z.array(cmfEvent).default([]),
  create_time_since_epoch: epochMs,
  last_update_time_since_epoch: epochMs,
});

export const cmfStage = z.looseObject({
  name: z.string().min(1),
  properties: props,
  custom_properties: props,
  executions: z.array(cmfExecution).default([]),
});

export const cmfPipeline = z.looseObject({
  name: z.string().min(1),
  properties: props,
  custom_properties: props,
  stages: z.array(cmfStage).default([]),
});

// What cmf's dumptojson produces (the decoded `json_payload`).
export const cmfDocument = z.looseObject({ Pipeline: z.array(cmfPipeline) });

// The request body. `json_payload` is the document encoded as a string; `exec_uuid` (or `id` in
// CMF before 0.0.9) limits the push to one execution. A saved decoded document
// ({"Pipeline": [...]}) is accepted too, so `provscope import cmf FILE` can post either file.
export const cmfPushBody = z.looseObject({
  pipeline_name: z.string().optional(),
  exec_uuid: z.union([z.string(), z.number()]).nullish(),
  id: z.union([z.string(), z.number()]).nullish(),
  json_payload: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  Pipeline: z.array(z.unknown()).optional(),
});

export type CmfArtifact = z.infer<typeof cmfArtifact>;
export type CmfExecution = z.infer<typeof cmfExecution>;
export type CmfStage = z.infer<typeof cmfStage>;
export type CmfPipeline = z.infer<typeof cmfPipeline>;
export type CmfDocument = z.infer<typeof cmfDocument>;
export type CmfPushBody = z.infer<typeof cmfPushBody>;

// CMF's server answers with one of these; errors carry FastAPI's {"detail": …} as well.
export type CmfPushStatus = "success" | "exists";
