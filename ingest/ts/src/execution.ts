// pipeline → stage → execution handles. Everything an execution logs is queued in the batcher and
// sent in the background; each method returns a promise only when the buffer is full and the
// caller should wait (see BatchOptions.policy).
import { randomUUID } from "node:crypto";
import type { Batcher } from "./batcher";
import type { OpInput } from "./delivery";
import { logFile, type FileArtifactOptions, type LoggedFile } from "./log-file";
import { SeriesBuffer } from "./series-buffer";

type Json = Record<string, unknown>;
type StartOp = Extract<OpInput, { op: "execution.start" }>;
type ArtifactOp = Extract<OpInput, { op: "artifact" }>;
type MetricValue = number | "NaN" | "Infinity" | "-Infinity";

export type Direction = ArtifactOp["direction"];
export type ArtifactType = ArtifactOp["type"];
export type ArtifactInput = { name: string; hash: string; uri?: string; size?: number; properties?: Json };
export type ExecutionInit = {
  uuid?: string; // default: a random UUID; pass your own to make a re-run log into the same execution
  name?: string;
  params?: Json;
  properties?: Json;
  parent?: Execution | string; // the execution that launched this one
  startedAt?: Date | string;
};
export type Backpressure = void | Promise<void>;

const MAX_NAME = 256;
const iso = (t: Date | string | undefined) => (t instanceof Date ? t.toISOString() : t);
const finite = (v: number): MetricValue => (Number.isFinite(v) ? v : Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

export class Pipeline {
  constructor(
    private readonly batcher: Batcher,
    readonly name: string,
  ) {}

  stage(name: string): Stage {
    return new Stage(this.batcher, this.name, name);
  }
}

export class Stage {
  constructor(
    private readonly batcher: Batcher,
    readonly pipeline: string,
    readonly name: string,
  ) {}

  // Starts an execution (queues its execution.start op) and returns its handle.
  execution(init: ExecutionInit = {}): Execution {
    return Execution.start(this.batcher, this.pipeline, this.name, init);
  }
}

export class Execution {
  private readonly rank0 = new Map<string, SeriesBuffer>();
  private readonly ranked = new Map<string, SeriesBuffer>();

  // A handle on an execution that exists or is being started elsewhere (another process or MPI
  // rank, a shell script's `provscope log start`): logs into it without starting it.
  constructor(
    private readonly batcher: Batcher,
    readonly uuid: string,
  ) {}

  // Queues the execution.start op (creating pipeline and stage if needed) and returns the handle.
  static start(batcher: Batcher, pipeline: string, stage: string, init: ExecutionInit = {}): Execution {
    const uuid = init.uuid ?? randomUUID();
    const parent = typeof init.parent === "string" ? init.parent : init.parent?.uuid;
    const op: StartOp = { op: "execution.start", pipeline, stage, execution: uuid, startedAt: iso(init.startedAt) ?? new Date().toISOString() };
    if (init.name !== undefined) op.name = init.name;
    if (init.params) op.params = init.params;
    if (init.properties) op.properties = init.properties;
    if (parent) op.parent = parent;
    void batcher.op(op);
    return new Execution(batcher, uuid);
  }

  // With an object: the artifact's metadata. With a file path: hashes the file, uploads its bytes
  // to the server's store when under its limit (else warns: metadata-only), then logs it.
  logArtifact(direction: Direction, type: ArtifactType, artifact: ArtifactInput): Backpressure;
  logArtifact(direction: Direction, type: ArtifactType, file: string, options?: FileArtifactOptions): Promise<LoggedFile>;
  logArtifact(direction: Direction, type: ArtifactType, artifact: ArtifactInput | string, options?: FileArtifactOptions): Backpressure | Promise<LoggedFile> {
    if (typeof artifact === "string") return logFile(this.batcher, this.uuid, { direction, type }, artifact, options);
    return this.batcher.op({ op: "artifact", execution: this.uuid, direction, type, ...artifact });
  }

  logDataset(direction: Direction, dataset: ArtifactInput): Backpressure;
  logDataset(direction: Direction, file: string, options?: FileArtifactOptions): Promise<LoggedFile>;
  logDataset(direction: Direction, dataset: ArtifactInput | string, options?: FileArtifactOptions): Backpressure | Promise<LoggedFile> {
    return typeof dataset === "string" ? this.logArtifact(direction, "dataset", dataset, options) : this.logArtifact(direction, "dataset", dataset);
  }

  logModel(direction: Direction, model: ArtifactInput): Backpressure;
  logModel(direction: Direction, file: string, options?: FileArtifactOptions): Promise<LoggedFile>;
  logModel(direction: Direction, model: ArtifactInput | string, options?: FileArtifactOptions): Backpressure | Promise<LoggedFile> {
    return typeof model === "string" ? this.logArtifact(direction, "model", model, options) : this.logArtifact(direction, "model", model);
  }

  // One point of a step metric. Cheap enough for an inner loop: no allocation, no I/O.
  logMetric(key: string, step: number, value: number, rank = 0): Backpressure {
    const buf = rank === 0 ? this.rank0.get(key) : this.ranked.get(`${rank}\u0000${key}`);
    return this.batcher.point(buf ?? this.series(key, rank), step, value);
  }

  // Final scalars (e.g. test_loss), the ones executions are filtered and models ranked by.
  logExecutionMetrics(values: Record<string, number>): Backpressure {
    const out: Record<string, MetricValue> = {};
    for (const [k, v] of Object.entries(values)) {
      if (typeof v !== "number") throw new TypeError(`logExecutionMetrics: '${k}' must be a number, got ${typeof v}`);
      out[k] = finite(v);
    }
    return this.batcher.op({ op: "metrics", execution: this.uuid, values: out });
  }

  end(status: "COMPLETED" | "FAILED" = "COMPLETED", endedAt: Date | string = new Date()): Backpressure {
    return this.batcher.op({ op: "execution.end", execution: this.uuid, status, endedAt: iso(endedAt) });
  }

  private series(key: string, rank: number): SeriesBuffer {
    if (typeof key !== "string" || key.length === 0 || key.length > MAX_NAME || /[\u0000-\u001f\u007f]/.test(key)) {
      throw new TypeError(`logMetric: key must be 1 to ${MAX_NAME} characters without control characters, got ${JSON.stringify(key)}`);
    }
    if (!Number.isInteger(rank) || rank < 0 || rank > 1_000_000) throw new TypeError(`logMetric('${key}'): rank must be an integer from 0 to 1000000, got ${rank}`);
    const buf = new SeriesBuffer(this.uuid, key, rank);
    if (rank === 0) this.rank0.set(key, buf);
    else this.ranked.set(`${rank}\u0000${key}`, buf);
    return buf;
  }
}
