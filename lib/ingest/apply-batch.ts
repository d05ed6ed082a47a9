import "server-only";
import { sqliteDriver, type Db } from "../db/client";
import { writeTransaction } from "../db/write-transaction";
import type { IngestBatchBody, IngestBatchResponse, IngestOp, OpResult } from "../schemas/ingest";
import { BatchContext } from "./context";
import { artifact } from "./ops/artifact";
import { executionEnd } from "./ops/execution-end";
import { executionStart } from "./ops/execution-start";
import { metrics } from "./ops/metrics";
import { modelVersion } from "./ops/model-version";
import { series } from "./ops/series";

// Long enough for a writer queued behind hundreds of others on one SQLite file.
const TX_OPTIONS = { maxWait: 120_000, timeout: 120_000 };

function applyOp(ctx: BatchContext, op: IngestOp, path: string): Promise<OpResult> {
  switch (op.op) {
    case "execution.start":
      return executionStart(ctx, op, path);
    case "execution.end":
      return executionEnd(ctx, op, path);
    case "artifact":
      return artifact(ctx, op, path);
    case "series":
      return series(ctx, op, path);
    case "metrics":
      return metrics(ctx, op, path);
    case "model.version":
      return modelVersion(ctx, op, path);
  }
}

// Applies a batch all-or-nothing. The batch id and its response are stored in the same
// transaction, so a retried batch returns the first response and writes nothing — also when the
// retry races the first attempt on another server (the loser re-runs and finds the stored response).
export async function applyBatch(db: Db, batch: IngestBatchBody, actor: string): Promise<IngestBatchResponse> {
  const seen = await findBatch(db, batch.batchId);
  if (seen) return seen;
  return writeTransaction(db, async (tx) => {
    const again = await findBatch(tx, batch.batchId);
    if (again) return again;
    const ctx = new BatchContext(tx, actor, sqliteDriver(db));
    const results: OpResult[] = [];
    for (let i = 0; i < batch.ops.length; i++) results.push(await applyOp(ctx, batch.ops[i], `ops.${i}`));
    const response: IngestBatchResponse = { batchId: batch.batchId, applied: results.length, results };
    await tx.ingestBatch.create({
      data: { batchId: batch.batchId, applied: results.length, response: JSON.stringify(response) },
      select: { batchId: true },
    });
    return response;
  }, TX_OPTIONS);
}

async function findBatch(db: Pick<Db, "ingestBatch">, batchId: string): Promise<IngestBatchResponse | null> {
  const row = await db.ingestBatch.findUnique({ where: { batchId }, select: { response: true } });
  return row ? (JSON.parse(row.response) as IngestBatchResponse) : null;
}
