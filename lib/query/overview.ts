import "server-only";
import type { Db } from "../db/client";

// The overview page's data: totals, the most recently active pipelines with per-stage status
// counts, and the latest executions. Reads only; every query selects what the page shows.

export type ExecutionStatus = "RUNNING" | "COMPLETED" | "FAILED";
export type StatusCounts = Record<ExecutionStatus, number> & { total: number };

export type OverviewStage = { name: string; counts: StatusCounts };
export type OverviewPipeline = { name: string; lastStartedAt: Date | null; counts: StatusCounts; stages: OverviewStage[] };
export type OverviewMetric = { key: string; value: number | string };
export type OverviewExecution = {
  uuid: string;
  name: string;
  pipeline: string;
  stage: string;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  metrics: OverviewMetric[];
};
export type Overview = {
  totals: { pipelines: number; executions: number; artifacts: number; models: number; executionsByStatus: StatusCounts };
  pipelines: OverviewPipeline[];
  recent: OverviewExecution[];
};

export type OverviewOptions = { pipelines?: number; recent?: number; metricsPerExecution?: number };

const emptyCounts = (): StatusCounts => ({ RUNNING: 0, COMPLETED: 0, FAILED: 0, total: 0 });

function addCount(counts: StatusCounts, status: string, n: number) {
  if (status === "RUNNING" || status === "COMPLETED" || status === "FAILED") counts[status] += n;
  counts.total += n;
}

export async function getOverview(db: Db, options: OverviewOptions = {}): Promise<Overview> {
  const { pipelines: pipelineLimit = 24, recent: recentLimit = 20, metricsPerExecution = 4 } = options;
  const [pipelines, executions, artifacts, models, byStatus, activity, recent] = await Promise.all([
    db.pipeline.count(),
    db.execution.count(),
    db.artifact.count(),
    db.registeredModel.count(),
    db.execution.groupBy({ by: ["status"], _count: { _all: true } }),
    db.execution.groupBy({ by: ["pipelineId"], _max: { startedAt: true } }),
    recentExecutions(db, recentLimit, metricsPerExecution),
  ]);
  const executionsByStatus = emptyCounts();
  for (const row of byStatus) addCount(executionsByStatus, row.status, row._count._all);
  return {
    totals: { pipelines, executions, artifacts, models, executionsByStatus },
    pipelines: await activePipelines(db, activity, pipelineLimit),
    recent,
  };
}

type Activity = { pipelineId: number; _max: { startedAt: Date | null } };

// The most recently active pipelines first, so a running workflow is always on screen.
async function activePipelines(db: Db, activity: Activity[], limit: number): Promise<OverviewPipeline[]> {
  const last = new Map(activity.map((a) => [a.pipelineId, a._max.startedAt]));
  const all = await db.pipeline.findMany({ select: { id: true, name: true, createdAt: true } });
  const key = (p: { id: number; createdAt: Date }) => (last.get(p.id) ?? p.createdAt).getTime();
  const chosen = all.sort((a, b) => key(b) - key(a) || b.id - a.id).slice(0, limit);
  const ids = chosen.map((p) => p.id);
  if (ids.length === 0) return [];

  const [stages, counts] = await Promise.all([
    db.stage.findMany({ where: { pipelineId: { in: ids } }, select: { id: true, name: true, pipelineId: true }, orderBy: { id: "asc" } }),
    db.execution.groupBy({ by: ["stageId", "status"], where: { pipelineId: { in: ids } }, _count: { _all: true } }),
  ]);
  const stageCounts = new Map<number, StatusCounts>();
  for (const row of counts) {
    const c = stageCounts.get(row.stageId) ?? emptyCounts();
    addCount(c, row.status, row._count._all);
    stageCounts.set(row.stageId, c);
  }

  return chosen.map((p) => {
    const own = stages.filter((s) => s.pipelineId === p.id).map((s) => ({ name: s.name, counts: stageCounts.get(s.id) ?? emptyCounts() }));
    const total = emptyCounts();
    for (const s of own) for (const status of ["RUNNING", "COMPLETED", "FAILED"] as const) addCount(total, status, s.counts[status]);
    return { name: p.name, lastStartedAt: last.get(p.id) ?? null, counts: total, stages: own };
  });
}

async function recentExecutions(db: Db, limit: number, metricsPerExecution: number): Promise<OverviewExecution[]> {
  const rows = await db.execution.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      uuid: true,
      name: true,
      status: true,
      startedAt: true,
      endedAt: true,
      pipeline: { select: { name: true } },
      stage: { select: { name: true } },
      metrics: { select: { key: true, value: true, special: true }, orderBy: { key: "asc" }, take: metricsPerExecution },
    },
  });
  return rows.map((r) => ({
    uuid: r.uuid,
    name: r.name,
    pipeline: r.pipeline.name,
    stage: r.stage.name,
    status: r.status,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    // Non-finite values are stored as their JSON spelling ("NaN", "Infinity", "-Infinity").
    metrics: r.metrics.map((m) => ({ key: m.key, value: m.value ?? m.special ?? "NaN" })),
  }));
}
