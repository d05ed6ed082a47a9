import "server-only";
import type { IngestOp } from "../../schemas/ingest";
import { unprocessable } from "../../http/errors";
import type { BatchContext } from "../context";
import { flattenParams } from "../flatten-params";

type Op = Extract<IngestOp, { op: "execution.start" }>;

// Creates the pipeline and stage on first sight. Starting an existing execution again (a client
// retrying with a new batch id) updates what it sent instead of failing.
export async function executionStart(ctx: BatchContext, op: Op, path: string) {
  const { tx } = ctx;
  const pipeline = await tx.pipeline.upsert({
    where: { name: op.pipeline },
    create: { name: op.pipeline },
    update: {},
    select: { id: true },
  });
  const stage = await tx.stage.upsert({
    where: { pipelineId_name: { pipelineId: pipeline.id, name: op.stage } },
    create: { pipelineId: pipeline.id, name: op.stage },
    update: {},
    select: { id: true },
  });

  const existing = await tx.execution.findUnique({
    where: { uuid: op.execution },
    select: { id: true, pipelineId: true, stageId: true },
  });
  if (existing && (existing.pipelineId !== pipeline.id || existing.stageId !== stage.id)) {
    throw unprocessable(
      `execution '${op.execution}' already belongs to another pipeline or stage; execution ids must be unique`,
      `${path}.execution`,
      "execution_conflict",
    );
  }

  const parent = op.parent ? await ctx.execution(op.parent, `${path}.parent`) : null;
  const data = {
    // A repeated start without a name (every MPI rank sends one) keeps the name already stored.
    ...(op.name ? { name: op.name } : {}),
    ...(parent ? { parentId: parent.id } : {}),
    ...(op.params ? { params: JSON.stringify(op.params) } : {}),
    ...(op.properties ? { properties: JSON.stringify(op.properties) } : {}),
    ...(op.startedAt ? { startedAt: new Date(op.startedAt) } : {}),
  };
  const execution = existing
    ? await tx.execution.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.execution.create({
        data: {
          ...data,
          name: op.name ?? `${op.stage} ${op.execution.slice(0, 8)}`,
          uuid: op.execution,
          pipelineId: pipeline.id,
          stageId: stage.id,
          startedAt: data.startedAt ?? new Date(),
        },
        select: { id: true },
      });

  if (op.params) {
    await tx.executionParam.deleteMany({ where: { executionId: execution.id } });
    const rows = flattenParams(op.params).map((r) => ({ ...r, executionId: execution.id }));
    if (rows.length) await tx.executionParam.createMany({ data: rows });
  }
  ctx.remember(op.execution, { id: execution.id, pipelineId: pipeline.id, stageId: stage.id });
  return { op: op.op, execution: op.execution, created: !existing };
}
