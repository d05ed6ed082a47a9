// The SDK's entry point: one HTTP client, one background batcher, the registry.
import { Batcher } from "./batcher";
import { Blobs } from "./blobs";
import { HttpClient } from "./client";
import { ProvscopeError } from "./errors";
import { Execution, Pipeline, type ExecutionInit } from "./execution";
import { resolveOptions, type BatcherStats, type ProvscopeOptions } from "./options";
import { Registry } from "./registry";
import { pullModel, type Pulled } from "./pull";

export class Provscope {
  readonly http: HttpClient;
  readonly registry: Registry;
  readonly blobs: Blobs; // artifact files: upload, download (verified), list and remove (admin)
  private readonly batcher: Batcher;
  private exiting = false;

  constructor(options: ProvscopeOptions = {}) {
    this.http = new HttpClient(options);
    this.batcher = new Batcher(this.http, resolveOptions(options));
    this.registry = new Registry(this.http, this.batcher);
    this.blobs = new Blobs(this.http);
    if (this.batcher.options.flushOnExit) process.on("beforeExit", this.onBeforeExit);
  }

  pipeline(name: string): Pipeline {
    return new Pipeline(this.batcher, name);
  }

  // Starts an execution: the same as pipeline(p).stage(s).execution(init).
  execution(pipeline: string, stage: string, init?: ExecutionInit): Execution {
    return Execution.start(this.batcher, pipeline, stage, init);
  }

  // Logs into an execution started elsewhere (rank 0 of an MPI job, another process, a shell
  // script's `provscope log start`), e.g. per-rank series with logMetric(key, step, value, rank).
  attach(uuid: string): Execution {
    return new Execution(this.batcher, uuid);
  }

  // Resolves when everything logged so far is stored; rejects with what the server refused, or
  // after timeoutMs while the server is unreachable (the data stays buffered and retrying).
  flush(timeoutMs?: number): Promise<void> {
    return this.batcher.flush(timeoutMs);
  }

  // flush(), then stop. After timeoutMs (default 30 s) undelivered data is given up and counted.
  async close(options: { timeoutMs?: number } = {}): Promise<void> {
    process.off("beforeExit", this.onBeforeExit);
    await this.batcher.close(options.timeoutMs ?? this.batcher.options.exitTimeoutMs);
  }

  // A model version's exact bytes by "MODEL@ALIAS" or "MODEL:VERSION", sha256-verified, to `out`
  // (default: the file name of its uri in the working directory).
  pull(ref: string, out?: string): Promise<Pulled> {
    return pullModel(this.http, ref, out);
  }

  stats(): BatcherStats {
    return this.batcher.stats();
  }

  health(): Promise<{ ok: boolean }> {
    return this.http.request("GET", "/api/health");
  }

  // Node emits beforeExit when the event loop runs dry, so a script that never calls close() still
  // sends its tail. process.exit() and fatal signals skip it: call close() before those.
  private readonly onBeforeExit = () => {
    if (this.exiting || this.batcher.isClosed) return;
    this.exiting = true;
    this.close().catch((err: unknown) => {
      const message = err instanceof ProvscopeError ? err.message : String(err);
      process.stderr.write(`provscope: at exit: ${message}\n`);
      if (!process.exitCode) process.exitCode = 1;
    });
  };
}
