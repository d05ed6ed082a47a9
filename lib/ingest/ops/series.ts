import "server-only";
import { appendSeries } from "../../metrics/append-series";
import type { IngestOp } from "../../schemas/ingest";
import type { BatchContext } from "../context";

type Op = Extract<IngestOp, { op: "series" }>;

export async function series(ctx: BatchContext, op: Op, path: string) {
  const execution = await ctx.execution(op.execution, `${path}.execution`);
  const { seriesId, points } = await appendSeries(ctx.tx, { ...op, executionId: execution.id }, { driver: ctx.driver });
  return { op: op.op, seriesId, points };
}
