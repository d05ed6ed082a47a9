import Database from "better-sqlite3";

// Test and bench fixture: writes lineage rows straight into a migrated SQLite file with
// better-sqlite3, which is ~100× faster than the ingest path for graphs of thousands of nodes.
// Timestamps use the format the Prisma SQLite adapter writes, so Prisma reads them back unchanged.

const stamp = (d: Date) => d.toISOString().replace("Z", "+00:00");

export class RawGraph {
  private readonly raw: Database.Database;
  private readonly stageId: number;
  private readonly pipelineId: number;
  private readonly insertArtifact: Database.Statement;
  private readonly insertExecution: Database.Statement;
  private readonly insertEvent: Database.Statement;

  constructor(file: string, pipeline = "raw-graph") {
    this.raw = new Database(file);
    this.raw.pragma("journal_mode = WAL");
    const now = stamp(new Date());
    this.pipelineId = Number(
      this.raw.prepare(`INSERT INTO "Pipeline" ("name", "createdAt") VALUES (?, ?)`).run(pipeline, now).lastInsertRowid,
    );
    this.stageId = Number(
      this.raw.prepare(`INSERT INTO "Stage" ("pipelineId", "name", "createdAt") VALUES (?, 'step', ?)`).run(this.pipelineId, now)
        .lastInsertRowid,
    );
    this.insertArtifact = this.raw.prepare(
      `INSERT INTO "Artifact" ("type", "name", "hash", "properties", "createdAt") VALUES (?, ?, ?, '{}', ?)`,
    );
    this.insertExecution = this.raw.prepare(
      `INSERT INTO "Execution" ("uuid", "pipelineId", "stageId", "name", "status", "params", "properties", "startedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'COMPLETED', '{}', '{}', ?, ?, ?)`,
    );
    this.insertEvent = this.raw.prepare(
      `INSERT INTO "Event" ("executionId", "artifactId", "direction", "createdAt") VALUES (?, ?, ?, ?)`,
    );
  }

  artifact(name: string, type = "dataset", at = new Date()): number {
    return Number(this.insertArtifact.run(type, name, `sha256:${name}`, stamp(at)).lastInsertRowid);
  }

  execution(uuid: string, at = new Date()): number {
    const t = stamp(at);
    return Number(this.insertExecution.run(uuid, this.pipelineId, this.stageId, uuid, t, t, t).lastInsertRowid);
  }

  event(executionId: number, artifactId: number, direction: "INPUT" | "OUTPUT", at = new Date()): void {
    this.insertEvent.run(executionId, artifactId, direction, stamp(at));
  }

  transaction<T>(fn: () => T): T {
    return this.raw.transaction(fn)();
  }

  close(): void {
    this.raw.close();
  }
}

// A small deterministic PRNG (mulberry32), so every run builds the same graph.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Artifacts by id, executions by uuid: the keys of lineage node ids.
export type Layer = { artifacts: number[]; executions: string[] };

// A layered workflow: layer 0 holds source datasets; in every later layer each execution consumes
// 2–3 artifacts of the previous layer and produces 1–2 new ones. About 2.5 nodes per execution.
export function buildLayeredGraph(graph: RawGraph, options: { nodes: number; layers: number; seed?: number }): Layer[] {
  const random = rng(options.seed ?? 42);
  const pick = (xs: number[]) => xs[Math.floor(random() * xs.length)];
  const perLayer = Math.floor(options.nodes / options.layers);
  const executionsPerLayer = Math.max(1, Math.round(perLayer / 2.5));
  const layers: Layer[] = [];
  return graph.transaction(() => {
    layers.push({ artifacts: Array.from({ length: perLayer }, (_, i) => graph.artifact(`src-${i}`)), executions: [] });
    for (let l = 1; l < options.layers; l++) {
      const prev = layers[l - 1].artifacts;
      const layer: Layer = { artifacts: [], executions: [] };
      for (let e = 0; e < executionsPerLayer; e++) {
        const uuid = `L${l}-e${e}`;
        const exec = graph.execution(uuid);
        layer.executions.push(uuid);
        const inputs = new Set<number>();
        const want = 2 + Math.floor(random() * 2);
        while (inputs.size < Math.min(want, prev.length)) inputs.add(pick(prev));
        for (const a of inputs) graph.event(exec, a, "INPUT");
        const outputs = 1 + Math.floor(random() * 2);
        for (let o = 0; o < outputs; o++) {
          const a = graph.artifact(`L${l}-e${e}-o${o}`);
          layer.artifacts.push(a);
          graph.event(exec, a, "OUTPUT");
        }
      }
      layers.push(layer);
    }
    return layers;
  });
}
