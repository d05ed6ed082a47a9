import { cmfDocument, cmfPushBody, type CmfPipeline } from "../../schemas/cmf";
import { CmfError } from "./errors";

export type DecodedPush = { pipeline: CmfPipeline; execUuid: string | null };

// Unwraps a push request: the document inside `json_payload` (a JSON string, as CMF sends it),
// or a saved decoded document posted as it is. Answers like CMF's server when the document has
// no pipeline (400) or not the one named in `pipeline_name` (404).
export function decodePush(raw: unknown): DecodedPush {
  const body = cmfPushBody.parse(raw);
  let payload: unknown = body.Pipeline ? { Pipeline: body.Pipeline } : body.json_payload;
  if (typeof payload === "string") {
    try {
      payload = JSON.parse(payload);
    } catch (err) {
      throw invalidPayload(`json_payload is not valid JSON (${(err as Error).message}).`);
    }
  }
  if (payload === undefined || payload === null || typeof payload !== "object" || !Array.isArray((payload as { Pipeline?: unknown }).Pipeline)) {
    throw invalidPayload('send {"pipeline_name": …, "json_payload": "<cmf dumptojson output>"} or the decoded {"Pipeline": [...]} document.');
  }
  const doc = cmfDocument.parse(payload);
  if (doc.Pipeline.length === 0) throw invalidPayload("json_payload has an empty Pipeline list.");

  const name = body.pipeline_name ?? doc.Pipeline[0].name;
  const pipeline = doc.Pipeline.find((p) => p.name === name);
  if (!pipeline) {
    const present = doc.Pipeline.map((p) => `'${p.name}'`).join(", ");
    throw new CmfError("pipeline_not_exist", `Pipeline name '${name}' does not exist.`, `json_payload holds ${present}; pipeline_name must be one of them.`);
  }
  const exec = body.exec_uuid ?? null;
  return { pipeline, execUuid: exec === null || exec === "" ? null : String(exec) };
}

const invalidPayload = (hint: string) =>
  new CmfError("invalid_json_payload", "Invalid JSON payload. The pipeline name is missing.", hint);
