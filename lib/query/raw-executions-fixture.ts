import Database from "better-sqlite3";
import { rng } from "../lineage/raw-graph-fixture";

// Bench and test fixture: many executions with params and metrics written straight into a migrated
// SQLite file with better-sqlite3 (~100× faster than the ingest path for 100,000 executions).
// Timestamps use the format the Prisma SQLite adapter writes, so Prisma reads them back unchanged.

const stamp = (d: Date) => d.toISOString().replace("Z", "+00:00");

export const ARCHS = ["resnet", "bottleneck", "unet", "mlp", "transformer"] as const;

export type ExecutionsFixture = { count: number; firstStartedAt: Date; lastStartedAt: Date };

// `count` executions spread over `pipelines` pipelines (train and simulate stages), one minute apart,
// each with params {arch, lr, iteration, batch} and metrics {test_loss, train_loss}.
export function buildExecutions(file: string, options: { count: number; pipelines?: number; seed?: number }): ExecutionsFixture {
  const random = rng(options.seed ?? 11);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  const pipelines = options.pipelines ?? 4;
  const start = Date.UTC(2026, 0, 1);
  const insertPipeline = raw.prepare(`INSERT INTO "Pipeline" ("name", "createdAt") VALUES (?, ?)`);
  const insertStage = raw.prepare(`INSERT INTO "Stage" ("pipelineId", "name", "createdAt") VALUES (?, ?, ?)`);
  const insertExecution = raw.prepare(
    `INSERT INTO "Execution" ("uuid", "pipelineId", "stageId", "name", "status", "params", "properties", "startedAt", "endedAt", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
  );
  const insertParam = raw.prepare(`INSERT INTO "ExecutionParam" ("executionId", "key", "value", "num", "str") VALUES (?, ?, ?, ?, ?)`);
  const insertMetric = raw.prepare(`INSERT INTO "ExecutionMetric" ("executionId", "key", "value") VALUES (?, ?, ?)`);

  raw.transaction(() => {
    const now = stamp(new Date());
    const stages: Array<{ pipelineId: number; train: number; simulate: number }> = [];
    for (let p = 0; p < pipelines; p++) {
      const pipelineId = Number(insertPipeline.run(`bench-pipeline-${p}`, now).lastInsertRowid);
      const train = Number(insertStage.run(pipelineId, "train", now).lastInsertRowid);
      const simulate = Number(insertStage.run(pipelineId, "simulate", now).lastInsertRowid);
      stages.push({ pipelineId, train, simulate });
    }
    for (let i = 0; i < options.count; i++) {
      const s = stages[i % pipelines];
      const isTrain = random() < 0.8;
      const arch = ARCHS[Math.floor(random() * ARCHS.length)];
      const lr = [0.1, 0.01, 0.001, 0.0001][Math.floor(random() * 4)];
      const iteration = 1 + Math.floor(random() * 10);
      const params = { arch, lr, iteration, batch: 32 * (1 + Math.floor(random() * 4)) };
      const started = new Date(start + i * 60_000);
      const ended = new Date(started.getTime() + 30_000 + Math.floor(random() * 600_000));
      const status = random() < 0.05 ? "FAILED" : "COMPLETED";
      const id = Number(
        insertExecution.run(
          `bench-${i}`, s.pipelineId, isTrain ? s.train : s.simulate, `${isTrain ? "train" : "simulate"} ${arch} it${iteration} #${i}`,
          status, JSON.stringify(params), stamp(started), stamp(ended), stamp(started), stamp(ended),
        ).lastInsertRowid,
      );
      for (const [key, v] of Object.entries(params)) {
        insertParam.run(id, key, JSON.stringify(v), typeof v === "number" ? v : null, typeof v === "string" ? v : null);
      }
      if (isTrain) {
        insertMetric.run(id, "test_loss", Math.round(random() * 1e4) / 1e4);
        insertMetric.run(id, "train_loss", Math.round(random() * 1e4) / 1e4);
      }
    }
  })();
  raw.pragma("optimize");
  raw.close();
  return { count: options.count, firstStartedAt: new Date(start), lastStartedAt: new Date(start + (options.count - 1) * 60_000) };
}
