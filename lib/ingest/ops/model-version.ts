import "server-only";
import { registerVersion } from "../../registry/register-version";
import type { IngestOp } from "../../schemas/ingest";
import type { BatchContext } from "../context";

type Op = Extract<IngestOp, { op: "model.version" }>;

export async function modelVersion(ctx: BatchContext, op: Op, path: string) {
  const execution = op.execution ? await ctx.execution(op.execution, `${path}.execution`) : null;
  const version = await registerVersion(ctx.tx, { model: op.model, hash: op.hash, executionId: execution?.id ?? null }, path);
  return { op: op.op, model: op.model, ...version };
}
