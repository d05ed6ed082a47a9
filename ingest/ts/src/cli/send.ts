// One CLI call = one ingest batch. Its batchId is a hash of its ops, so running the same shell
// line again (a retried job step) is answered from the server's batch store and writes nothing.
import { createHash } from "node:crypto";
import type { IngestBatchInput, IngestBatchResponse } from "../../../../lib/schemas/ingest";
import type { HttpClient } from "../client";
import { withRetry } from "./retrying";

type Op = IngestBatchInput["ops"][number];

export function deterministicBatchId(ops: Op[]): string {
  return `cli-${createHash("sha256").update(JSON.stringify(ops)).digest("hex").slice(0, 40)}`;
}

export function sendOps(http: HttpClient, ops: Op[], batchId = deterministicBatchId(ops)): Promise<IngestBatchResponse> {
  const body = JSON.stringify({ batchId, ops });
  return withRetry(() => http.request<IngestBatchResponse>("POST", "/api/v1/batches", { body }));
}
