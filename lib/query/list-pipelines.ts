import "server-only";
import type { Db } from "../db/client";

// GET /api/v1/pipelines: every pipeline with its stages and execution counts.
export async function listPipelines(db: Db) {
  const pipelines = await db.pipeline.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true,
      createdAt: true,
      stages: { orderBy: { id: "asc" }, select: { name: true, _count: { select: { executions: true } } } },
      _count: { select: { executions: true } },
    },
  });
  return {
    pipelines: pipelines.map((p) => ({
      name: p.name,
      createdAt: p.createdAt,
      executions: p._count.executions,
      stages: p.stages.map((s) => ({ name: s.name, executions: s._count.executions })),
    })),
  };
}
