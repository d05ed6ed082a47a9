// Keeps the delivery counters of stats(), and tells the user when data is not getting through:
// through onError when given, else one line on stderr when the server becomes unreachable, at most
// every 10 s while it stays so, and when it is back. Data refused by the server is remembered for
// the next flush() to reject with.
import { ProvscopeError } from "./errors";
import { itemPoints, type AttemptInfo, type Item } from "./delivery";
import type { BatcherStats, BatchOptions } from "./options";

const QUIET_MS = 10_000;
export type Counters = Omit<BatcherStats, "bufferedPoints" | "bufferedOps" | "blocked">;
const points = (items: Item[]) => items.reduce((n, it) => n + itemPoints(it), 0);

export class Reporter {
  private lastWarned = 0;
  private lastRefusal = 0;
  private lastDrop = 0;
  private firstRejection: ProvscopeError | null = null;
  private rejectedBatches = 0;

  readonly counters: Counters = {
    sentBatches: 0, sentPoints: 0, sentOps: 0, retries: 0, droppedPoints: 0, droppedOps: 0,
    rejectedPoints: 0, rejectedOps: 0, connected: null, lastError: null,
  };

  constructor(
    private readonly url: string,
    private readonly onError: BatchOptions["onError"],
  ) {}

  failed(err: ProvscopeError, info: AttemptInfo, buffered: number) {
    if (info.retrying) this.counters.retries++;
    this.counters.lastError = { message: err.message, status: err.status, code: err.code, at: new Date().toISOString() };
    if (err.unreachable) this.counters.connected = false;
    if (this.onError) return this.onError(err, info);
    if (!info.retrying) return; // reported by rejected()
    this.warn(`provscope: ${err.message}; ${buffered} points buffered, retrying batch ${info.batchId} (attempt ${info.attempt})`);
  }

  delivered(items: Item[], buffered: number) {
    this.counters.sentBatches++;
    this.counters.sentOps += items.length;
    this.counters.sentPoints += points(items);
    if (this.counters.connected === false && !this.onError && this.lastWarned > 0) {
      process.stderr.write(`provscope: delivering to ${this.url} again (${buffered} points buffered)\n`);
      this.lastWarned = 0;
    }
    this.counters.connected = true;
  }

  rejected(items: Item[], err: ProvscopeError) {
    const lost = points(items);
    this.counters.rejectedOps += items.filter((it) => !it.seg).length;
    this.counters.rejectedPoints += lost;
    this.rejectedBatches++;
    this.firstRejection ??= err;
    if (this.onError || !this.quiet("lastRefusal")) return;
    process.stderr.write(`provscope: not stored (${items.length} ops, ${lost} points): ${err.message}\n`);
  }

  dropped(what: "point" | "op", maxPoints: number, maxOps: number) {
    if (what === "point") this.counters.droppedPoints++;
    else this.counters.droppedOps++;
    const { droppedPoints, droppedOps } = this.counters;
    const message = `buffer full (${maxPoints} points / ${maxOps} ops) while ${this.url} is slow or unreachable: ` +
      `${droppedPoints} points and ${droppedOps} ops dropped so far; raise maxBufferedPoints or await logMetric's promise`;
    if (!this.quiet("lastDrop")) return;
    if (this.onError) this.onError(new ProvscopeError(message, 0, "buffer_full"), { dropped: true });
    else process.stderr.write(`provscope: ${message}\n`);
  }

  // What flush() rejects with when data was refused since the last time: the first refusal, and
  // how much was refused; null when nothing was.
  takeRejection(): ProvscopeError | null {
    const first = this.firstRejection;
    if (!first) return null;
    const { rejectedPoints, rejectedOps } = this.counters;
    const n = this.rejectedBatches;
    this.firstRejection = null;
    this.rejectedBatches = 0;
    const summary = `${n} batch${n === 1 ? "" : "es"} not stored (in all so far: ${rejectedPoints} points and ${rejectedOps} other ops lost)`;
    return new ProvscopeError(`${first.message} — ${summary}`, first.status, first.code, first.path, { cause: first });
  }

  private warn(line: string) {
    if (this.quiet("lastWarned")) process.stderr.write(`${line}\n`);
  }

  // True (and the clock restarted) when nothing of this kind was reported in the last QUIET_MS.
  private quiet(which: "lastWarned" | "lastRefusal" | "lastDrop"): boolean {
    const now = Date.now();
    if (now - this[which] < QUIET_MS) return false;
    this[which] = now;
    return true;
  }
}
