import type { Db } from "../db/client";
import { provider } from "../db/sql";

// Test and bench fixture: builds lineage rows in memory with ids chosen up front, then writes them
// with multi-row inserts — far faster than the ingest path for graphs of thousands of nodes, and the
// same on SQLite and PostgreSQL.

type Row = Record<string, unknown>;
const CHUNK = 2000;

export class RawGraph {
  private readonly artifacts: Row[] = [];
  private readonly executions: Row[] = [];
  private readonly events: Row[] = [];
  private nextArtifact: number;
  private nextExecution: number;

  private constructor(
    private readonly db: Db,
    private readonly stageId: number,
    private readonly pipelineId: number,
    ids: { artifact: number; execution: number },
  ) {
    this.nextArtifact = ids.artifact + 1;
    this.nextExecution = ids.execution + 1;
  }

  static async open(db: Db, pipeline = "raw-graph"): Promise<RawGraph> {
    const p = await db.pipeline.create({ data: { name: pipeline, stages: { create: { name: "step" } } }, select: { id: true, stages: { select: { id: true } } } });
    const [a, e] = await Promise.all([db.artifact.aggregate({ _max: { id: true } }), db.execution.aggregate({ _max: { id: true } })]);
    return new RawGraph(db, p.stages[0].id, p.id, { artifact: a._max.id ?? 0, execution: e._max.id ?? 0 });
  }

  artifact(name: string, type = "dataset", at = new Date()): number {
    const id = this.nextArtifact++;
    this.artifacts.push({ id, type, name, hash: `sha256:${name}`, properties: "{}", createdAt: at });
    return id;
  }

  execution(uuid: string, at = new Date()): number {
    const id = this.nextExecution++;
    this.executions.push({ id, uuid, pipelineId: this.pipelineId, stageId: this.stageId, name: uuid, status: "COMPLETED", startedAt: at, createdAt: at, updatedAt: at });
    return id;
  }

  event(executionId: number, artifactId: number, direction: "INPUT" | "OUTPUT", at = new Date()): void {
    this.events.push({ executionId, artifactId, direction, createdAt: at });
  }

  // Writes everything built so far in one transaction.
  async write(): Promise<void> {
    const { artifacts, executions, events } = this;
    await this.db.$transaction(
      async (tx) => {
        for (let i = 0; i < artifacts.length; i += CHUNK) await tx.artifact.createMany({ data: artifacts.slice(i, i + CHUNK) as never });
        for (let i = 0; i < executions.length; i += CHUNK) await tx.execution.createMany({ data: executions.slice(i, i + CHUNK) as never });
        for (let i = 0; i < events.length; i += CHUNK) await tx.event.createMany({ data: events.slice(i, i + CHUNK) as never });
        // Explicit ids do not advance PostgreSQL's sequences; later inserts must not collide.
        if (provider() === "postgresql") {
          for (const table of ["Artifact", "Execution", "Event"]) {
            await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 1))`);
          }
        }
      },
      { timeout: 600_000 },
    );
    artifacts.length = executions.length = events.length = 0;
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
export async function buildLayeredGraph(graph: RawGraph, options: { nodes: number; layers: number; seed?: number }): Promise<Layer[]> {
  const random = rng(options.seed ?? 42);
  const pick = (xs: number[]) => xs[Math.floor(random() * xs.length)];
  const perLayer = Math.floor(options.nodes / options.layers);
  const executionsPerLayer = Math.max(1, Math.round(perLayer / 2.5));
  const layers: Layer[] = [];
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
  await graph.write();
  return layers;
}
