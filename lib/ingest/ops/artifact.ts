import "server-only";
import type { IngestOp } from "../../schemas/ingest";
import type { BatchContext } from "../context";

type Op = Extract<IngestOp, { op: "artifact" }>;

// Artifacts are identified by (type, name, hash): the same content logged by two executions is
// one node, which is what connects one execution's output to the next one's input.
export async function artifact(ctx: BatchContext, op: Op, path: string) {
  const execution = await ctx.execution(op.execution, `${path}.execution`);
  const { tx } = ctx;
  const key = { type: op.type, name: op.name, hash: op.hash };
  let row = await tx.artifact.findUnique({ where: { type_name_hash: key }, select: { id: true, uri: true, size: true } });
  const created = !row;
  if (!row) {
    row = await tx.artifact.create({
      data: {
        ...key,
        uri: op.uri ?? null,
        size: op.size === undefined ? null : BigInt(op.size),
        properties: JSON.stringify(op.properties ?? {}),
      },
      select: { id: true, uri: true, size: true },
    });
  } else if ((row.uri === null && op.uri) || (row.size === null && op.size !== undefined)) {
    // A later sighting may know where the bytes live; never overwrite what is already recorded.
    await tx.artifact.update({
      where: { id: row.id },
      data: { uri: row.uri ?? op.uri ?? null, size: row.size ?? (op.size === undefined ? null : BigInt(op.size)) },
      select: { id: true },
    });
  }

  const direction = op.direction === "input" ? "INPUT" : "OUTPUT";
  await tx.event.upsert({
    where: { executionId_artifactId_direction: { executionId: execution.id, artifactId: row.id, direction } },
    create: { executionId: execution.id, artifactId: row.id, direction },
    update: {},
    select: { id: true },
  });
  return { op: op.op, artifactId: row.id, created };
}
