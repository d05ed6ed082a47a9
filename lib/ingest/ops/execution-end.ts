import "server-only";
import type { IngestOp } from "../../schemas/ingest";
import type { BatchContext } from "../context";

type Op = Extract<IngestOp, { op: "execution.end" }>;

export async function executionEnd(ctx: BatchContext, op: Op, path: string) {
  const execution = await ctx.execution(op.execution, `${path}.execution`);
  await ctx.tx.execution.update({
    where: { id: execution.id },
    data: { status: op.status, endedAt: op.endedAt ? new Date(op.endedAt) : new Date() },
    select: { id: true },
  });
  return { op: op.op, execution: op.execution, status: op.status };
}
