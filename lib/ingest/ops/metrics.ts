import "server-only";
import { parseValue } from "../../metrics/chunk-codec";
import type { IngestOp } from "../../schemas/ingest";
import type { BatchContext } from "../context";

type Op = Extract<IngestOp, { op: "metrics" }>;

// Final scalars of an execution; logging a key again replaces its value.
export async function metrics(ctx: BatchContext, op: Op, path: string) {
  const execution = await ctx.execution(op.execution, `${path}.execution`);
  for (const [key, raw] of Object.entries(op.values)) {
    const v = parseValue(raw);
    const data = Number.isFinite(v) ? { value: v, special: null } : { value: null, special: String(raw) };
    await ctx.tx.executionMetric.upsert({
      where: { executionId_key: { executionId: execution.id, key } },
      create: { executionId: execution.id, key, ...data },
      update: data,
      select: { key: true },
    });
  }
  // New final metrics are news for live views, which look for executions updated since a cursor.
  await ctx.tx.execution.update({ where: { id: execution.id }, data: { updatedAt: new Date() }, select: { id: true } });
  return { op: op.op, execution: op.execution, keys: Object.keys(op.values).length };
}
