import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { applyBatch } from "../../ingest/apply-batch";
import { ingestBatchBody, MAX_OPS, type IngestBatchInput } from "../../schemas/ingest";
import type { CmfPushStatus } from "../../schemas/cmf";
import { decodePush } from "./decode-push";
import { CmfError } from "./errors";
import { planPipeline, type CmfExecutionPlan } from "./map-ops";

// POST /api/mlmd_push with the semantics of CMF's server: executions whose Execution_uuid is
// already known are skipped (named, reusable executions are merged every time, as CMF does), and
// the answer is {"status": "exists"} when nothing is left to write, else {"status": "success"}.
export async function pushCmf(db: Db, raw: unknown, actor: string): Promise<{ status: CmfPushStatus }> {
  const { pipeline, execUuid } = decodePush(raw);
  let plans = planPipeline(pipeline);
  if (execUuid) {
    plans = plans.filter((p) => p.uuids.includes(execUuid));
    if (plans.length === 0) {
      throw new CmfError("execution_not_found", `Execution uuid '${execUuid}' is not in pipeline '${pipeline.name}'.`, "Push without exec_uuid, or with one listed in json_payload.");
    }
  }
  const fresh = await withoutKnown(db, plans);
  if (fresh.length === 0) return { status: "exists" };

  // One batch per MAX_OPS ops, never splitting an execution; the id is derived from the content,
  // so a client retrying the same push after a lost response writes nothing twice.
  for (const ops of chunks(fresh)) {
    const digest = createHash("sha256").update(JSON.stringify(ops)).digest("hex").slice(0, 48);
    await applyBatch(db, ingestBatchBody.parse({ batchId: `cmf-${digest}`, ops }), actor);
  }
  return { status: "success" };
}

async function withoutKnown(db: Db, plans: CmfExecutionPlan[]): Promise<CmfExecutionPlan[]> {
  const uuids = [...new Set(plans.flatMap((p) => p.uuids))];
  const known = new Set<string>();
  for (let i = 0; i < uuids.length; i += 500) {
    const rows = await db.execution.findMany({ where: { uuid: { in: uuids.slice(i, i + 500) } }, select: { uuid: true } });
    for (const r of rows) known.add(r.uuid);
  }
  return plans.filter((p) => p.reusable || !p.uuids.some((u) => known.has(u)));
}

function chunks(plans: CmfExecutionPlan[]): Array<IngestBatchInput["ops"]> {
  const out: Array<IngestBatchInput["ops"]> = [];
  let current: IngestBatchInput["ops"] = [];
  for (const p of plans) {
    if (current.length && current.length + p.ops.length > MAX_OPS) {
      out.push(current);
      current = [];
    }
    current.push(...p.ops);
  }
  if (current.length) out.push(current);
  return out;
}

// The route's answer: CMF's own refusals keep CMF's status codes and body (see errors.ts);
// anything else is thrown on to the usual error envelope.
export async function pushCmfResponse(db: Db, raw: unknown, actor: string): Promise<unknown> {
  try {
    return await pushCmf(db, raw, actor);
  } catch (err) {
    if (err instanceof CmfError) return err.toResponse();
    throw err;
  }
}
