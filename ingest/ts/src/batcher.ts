// Buffers ingest ops and step-metric points, and sends them in batches in the background: when
// enough are waiting, every flushIntervalMs, on flush() and on exit. One batch is in flight at a
// time, which keeps each execution's ops in the order they were logged.
import { randomUUID } from "node:crypto";
import type { IngestBatchResponse } from "../../../lib/schemas/ingest";
import type { HttpClient } from "./client";
import { Delivery, itemPoints, type OpInput } from "./delivery";
import { ProvscopeError } from "./errors";
import { clock } from "./clock";
import { FlushWaiters, ItemQueue } from "./queue";
import type { BatcherStats, ResolvedOptions } from "./options";
import { Reporter } from "./reporter";
import type { SeriesBuffer } from "./series-buffer";

export class Batcher {
  readonly id = `ts-${randomUUID()}`;
  private seq = 0;
  private readonly queue = new ItemQueue();
  private dirty: SeriesBuffer[] = [];
  private pendingPoints = 0; // open buffers + queue
  private inflightPoints = 0;
  private queuedOps = 0; // non-series ops in the queue and in flight
  private processedTotal = 0; // items sent or refused; flush() waits for it to reach queue.total
  private readonly waiters = new FlushWaiters();
  private room: Promise<void> | null = null;
  private releaseRoom = () => {};
  private sending = false;
  private kicked = false;
  private due = false;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly delivery: Delivery;
  private readonly reporter: Reporter;
  private readonly timer: NodeJS.Timeout;

  // `client` is public for what is not batched: artifact file uploads (Execution.logModel(path)).
  constructor(readonly client: HttpClient, readonly options: ResolvedOptions) {
    const reporter = (this.reporter = new Reporter(client.url, options.onError));
    this.delivery = new Delivery(client, options.retry, {
      newBatchId: () => this.nextBatchId(),
      attemptFailed: (err, info) => reporter.failed(err, info, this.bufferedPoints),
      delivered: (items) => reporter.delivered(items, this.bufferedPoints),
      rejected: (items, err) => reporter.rejected(items, err),
    }, this.abort.signal);
    this.timer = setInterval(() => {
      this.due = true;
      this.kick();
    }, options.flushIntervalMs);
    this.timer.unref();
  }

  get bufferedPoints() {
    return this.pendingPoints + this.inflightPoints;
  }

  nextBatchId() {
    return `${this.id}-${++this.seq}`;
  }

  // The hot path: no allocation, no I/O. Returns a promise only at the memory bound (policy "block").
  point(buf: SeriesBuffer, step: number, value: number): void | Promise<void> {
    if (!(Number.isSafeInteger(step) && step >= 0)) throw new TypeError(`logMetric('${buf.key}'): step must be an integer >= 0, got ${step}`);
    if (typeof value !== "number") throw new TypeError(`logMetric('${buf.key}'): value must be a number, got ${typeof value}`);
    if (this.closed) throw closedError();
    const bound = this.options.maxBufferedPoints;
    if (this.pendingPoints + this.inflightPoints >= bound) {
      if (this.options.policy === "drop" || this.bufferedPoints >= 2 * bound) return this.drop("point");
      this.accept(buf, step, value);
      return this.waitForRoom();
    }
    this.accept(buf, step, value);
  }

  private accept(buf: SeriesBuffer, step: number, value: number) {
    if (!buf.dirty) {
      buf.dirty = true;
      this.dirty.push(buf);
    } else if (buf.n > 0 && (step <= buf.lastStep || buf.n >= this.options.maxOpPoints)) {
      // A series op needs strictly increasing steps and at most maxOpPoints: start a new one.
      this.queue.push({ seg: buf.take() });
    }
    buf.push(step, value, clock.now());
    if (++this.pendingPoints >= this.options.batchPoints) this.kick();
  }

  // Ops other than points: ordered after every point already logged for the same execution.
  op(op: OpInput): void | Promise<void> {
    if (this.closed) throw closedError();
    const full = this.queuedOps >= this.options.maxBufferedOps;
    if (full && (this.options.policy === "drop" || this.queuedOps >= 2 * this.options.maxBufferedOps)) return this.drop("op");
    if ("execution" in op && op.execution) this.seal((b) => b.execution === op.execution);
    this.queue.push({ op });
    this.queuedOps++;
    if (this.queue.length >= this.options.batchOps) this.kick();
    return full ? this.waitForRoom() : undefined;
  }

  // One batch sent now, outside the queue, with the same retries (for calls that need the answer).
  post(batchId: string, body: string): Promise<IngestBatchResponse> {
    if (this.closed) throw closedError();
    return this.delivery.post(batchId, body);
  }

  // Resolves once everything logged before the call is acknowledged; rejects when some of it
  // was refused (and says why), or after timeoutMs with the data still buffered and retrying.
  flush(timeoutMs?: number): Promise<void> {
    this.seal(() => true);
    const done = this.waiters.wait(this.queue.total, timeoutMs, () => this.stuckError(timeoutMs ?? 0));
    this.settle();
    this.kick();
    return done;
  }

  // Flushes, then stops: after timeoutMs, whatever is still undelivered is given up and counted.
  async close(timeoutMs = 30_000): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush(timeoutMs);
    } catch (err) {
      if (err instanceof ProvscopeError && err.code === "flush_timeout") this.abort.abort();
      throw err;
    } finally {
      this.closed = true;
      clearInterval(this.timer);
    }
  }

  get isClosed() {
    return this.closed;
  }

  stats(): BatcherStats {
    return { ...this.reporter.counters, bufferedPoints: this.bufferedPoints, bufferedOps: this.queuedOps, blocked: this.room !== null };
  }

  private seal(which: (b: SeriesBuffer) => boolean) {
    const keep: SeriesBuffer[] = [];
    for (const b of this.dirty) {
      if (!which(b)) keep.push(b);
      else {
        if (b.n > 0) this.queue.push({ seg: b.take() });
        b.dirty = false;
      }
    }
    this.dirty = keep;
  }

  private kick() {
    if (this.kicked || this.sending) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      void this.pump();
    });
  }

  private wantsSend() {
    if (this.pendingPoints === 0 && this.queue.length === 0) return false;
    const { batchPoints, batchOps } = this.options;
    const urgent = this.waiters.length > 0 || this.room !== null; // someone waits for delivery or room
    return this.due || urgent || this.pendingPoints >= batchPoints || this.queue.length >= batchOps;
  }

  private async pump() {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.wantsSend()) {
        this.due = false;
        this.seal(() => true);
        const items = this.queue.take(this.options.batchOps, this.options.batchPoints);
        const points = items.reduce((n, it) => n + itemPoints(it), 0);
        const ops = items.filter((it) => !it.seg).length;
        this.pendingPoints -= points;
        this.inflightPoints += points;
        await this.delivery.deliver(this.nextBatchId(), items);
        this.inflightPoints -= points;
        this.queuedOps -= ops;
        this.processedTotal += items.length;
        this.settle();
      }
    } finally {
      this.sending = false;
    }
  }

  private settle() {
    this.waiters.settle(this.processedTotal, () => this.reporter.takeRejection());
    if (this.room && this.bufferedPoints < this.options.maxBufferedPoints && this.queuedOps < this.options.maxBufferedOps) {
      this.room = null;
      this.releaseRoom();
    }
  }

  private waitForRoom(): Promise<void> {
    this.kick();
    return (this.room ??= new Promise<void>((resolve) => (this.releaseRoom = resolve)));
  }

  private drop(what: "point" | "op"): undefined {
    this.reporter.dropped(what, this.options.maxBufferedPoints, this.options.maxBufferedOps);
    this.kick();
    return undefined;
  }

  private stuckError(timeoutMs: number) {
    const { lastError } = this.reporter.counters;
    const last = lastError ? `; last error: ${lastError.message}` : "";
    return new ProvscopeError(
      `flush: ${this.bufferedPoints} points and ${this.queuedOps} ops still undelivered after ${timeoutMs / 1000} s${last}`,
      0,
      "flush_timeout",
    );
  }
}

const closedError = () => new ProvscopeError("this Provscope client is closed; create a new one to log more", 0, "closed");
