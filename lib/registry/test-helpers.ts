import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";

type Metric = number | "NaN" | "Infinity" | "-Infinity";

// Registers one version per entry of `losses` through the real write path: a training execution
// that reads a dataset, logs `test_loss` (omitted when null) and outputs the model artifact.
export async function seedModel(db: Db, model: string, losses: Array<Metric | null>) {
  const uuids: string[] = [];
  for (const [i, loss] of losses.entries()) {
    const execution = `${model}-train-${i + 1}-${randomUUID().slice(0, 8)}`;
    const hash = `sha256:${model}-v${i + 1}`;
    const ops: IngestBatchInput["ops"] = [
      { op: "execution.start", pipeline: `p-${model}`, stage: "train", execution, name: `train ${model} ${i + 1}` },
      { op: "artifact", execution, direction: "input", type: "dataset", name: `data-${model}`, hash: `sha256:data-${i}` },
      ...(loss === null ? [] : [{ op: "metrics" as const, execution, values: { test_loss: loss, epochs: 10 + i } }]),
      { op: "artifact", execution, direction: "output", type: "model", name: model, uri: `file:///m/${model}-${i + 1}.pt`, hash, size: 1000 + i },
      { op: "model.version", model, hash, execution },
      { op: "execution.end", execution, status: "COMPLETED" },
    ];
    await applyBatch(db, ingestBatchBody.parse({ batchId: `seed-${execution}`, ops }), "test");
    uuids.push(execution);
  }
  return uuids;
}

let n = 0;
export const uniqueName = (prefix: string) => `${prefix}-${++n}-${randomUUID().slice(0, 6)}`;
