// The model registry over HTTP: what a workflow driver asks to steer itself, and the alias moves.
import type { IngestBatchResponse } from "../../../lib/schemas/ingest";
import type { BestQuery, PromoteBody, RollbackBody } from "../../../lib/schemas/registry";
import type { Batcher } from "./batcher";
import type { HttpClient } from "./client";
import type { Execution } from "./execution";

export type ArtifactRef = { uri: string | null; hash: string; size: number | null };
export type RegisteredVersion = { model: string; version: number; artifactId: number; created: boolean };
export type BestVersion = { model: string; version: number; metric: string; value: number; mode: BestQuery["mode"]; artifact: ArtifactRef; execution: { uuid: string } | null };
export type AliasState = { model: string; alias: string; version: number; artifact: ArtifactRef; updatedAt: string };
export type AliasChange = { id: number; from: number | null; to: number; action: string; reason: string; actor: string; at: string };
export type AliasMove = AliasState & { change: AliasChange | null };

const seg = encodeURIComponent;

export class Registry {
  constructor(
    private readonly http: HttpClient,
    private readonly batcher?: Batcher, // without one (the CLI), registerVersion is unavailable
  ) {}

  // Registers the model artifact with `hash` (logged earlier with logModel("output", …)) as the
  // next version of `model`. Sends everything logged so far first, so the artifact exists.
  async registerVersion(model: string, hash: string, execution?: Execution | string): Promise<RegisteredVersion> {
    if (!this.batcher) throw new Error("registerVersion needs the Provscope client's registry (ps.registry)");
    await this.batcher.flush();
    const uuid = typeof execution === "string" ? execution : execution?.uuid;
    const batchId = this.batcher.nextBatchId();
    const op = { op: "model.version" as const, model, hash, ...(uuid ? { execution: uuid } : {}) };
    const res: IngestBatchResponse = await this.batcher.post(batchId, JSON.stringify({ batchId, ops: [op] }));
    const { version, artifactId, created } = res.results[0] as unknown as RegisteredVersion;
    return { model, version, artifactId, created };
  }

  best(model: string, metric: string, mode: BestQuery["mode"] = "min"): Promise<BestVersion> {
    return this.http.request("GET", `/api/v1/models/${seg(model)}/best`, { query: { metric, mode } });
  }

  alias(model: string, alias: string): Promise<AliasState> {
    return this.http.request("GET", `/api/v1/models/${seg(model)}/aliases/${seg(alias)}`);
  }

  promote(model: string, alias: string, version: number, reason: string): Promise<AliasMove> {
    const body: PromoteBody = { version, reason };
    return this.http.request("POST", `/api/v1/models/${seg(model)}/aliases/${seg(alias)}`, { body });
  }

  // Back to the version before the current one, or to `version` when given.
  rollback(model: string, alias: string, reason: string, version?: number): Promise<AliasMove> {
    const body: RollbackBody = version === undefined ? { reason } : { reason, version };
    return this.http.request("POST", `/api/v1/models/${seg(model)}/aliases/${seg(alias)}/rollback`, { body });
  }

  history(model: string, alias: string): Promise<{ model: string; alias: string; changes: AliasChange[] }> {
    return this.http.request("GET", `/api/v1/models/${seg(model)}/aliases/${seg(alias)}/history`);
  }
}
