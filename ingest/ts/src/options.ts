// What the batcher can be told, its defaults, and the counters it reports.
import { MAX_OPS, MAX_POINTS_PER_OP } from "../../../lib/schemas/ingest";
import type { ClientOptions } from "./client";
import type { ProvscopeError } from "./errors";
import type { AttemptInfo } from "./delivery";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";

export type BatchOptions = {
  batchPoints?: number; // send as soon as this many points wait (default 50,000)
  batchOps?: number; // … or this many ops (default 1,000)
  flushIntervalMs?: number; // … or when the oldest waited this long (default 1,000 ms)
  maxBufferedPoints?: number; // memory bound, in points (24 bytes each; default 2,000,000)
  maxBufferedOps?: number; // memory bound for the other ops (default 100,000)
  // At the bound, "block" still takes the point and returns a promise that resolves once the
  // buffer has room (await it to slow down to the server's pace); past twice the bound, points are
  // dropped even so. "drop" drops at the bound. Drops are counted in stats() and reported.
  policy?: "block" | "drop";
  onError?: (err: ProvscopeError, info: AttemptInfo | { dropped: true }) => void;
  flushOnExit?: boolean; // default true
  exitTimeoutMs?: number; // how long the exit flush waits for the server (default 30 s)
} & Partial<RetryPolicy>;

export type ProvscopeOptions = ClientOptions & BatchOptions;

export type ResolvedOptions = Required<Omit<BatchOptions, "onError" | keyof RetryPolicy>> & {
  onError: BatchOptions["onError"];
  retry: RetryPolicy;
  maxOpPoints: number;
};

export function resolveOptions(o: BatchOptions): ResolvedOptions {
  const batchPoints = o.batchPoints ?? 50_000;
  return {
    batchPoints,
    batchOps: Math.min(o.batchOps ?? 1_000, MAX_OPS),
    flushIntervalMs: o.flushIntervalMs ?? 1_000,
    maxBufferedPoints: o.maxBufferedPoints ?? 2_000_000,
    maxBufferedOps: o.maxBufferedOps ?? 100_000,
    policy: o.policy ?? "block",
    onError: o.onError,
    flushOnExit: o.flushOnExit ?? true,
    exitTimeoutMs: o.exitTimeoutMs ?? 30_000,
    retry: {
      initialBackoffMs: o.initialBackoffMs ?? DEFAULT_RETRY.initialBackoffMs,
      maxBackoffMs: o.maxBackoffMs ?? DEFAULT_RETRY.maxBackoffMs,
      serverErrorAttempts: o.serverErrorAttempts ?? DEFAULT_RETRY.serverErrorAttempts,
    },
    maxOpPoints: Math.max(1, Math.min(batchPoints, MAX_POINTS_PER_OP)),
  };
}

export type BatcherStats = {
  bufferedPoints: number; // logged, not yet acknowledged (includes the batch in flight)
  bufferedOps: number;
  sentBatches: number;
  sentPoints: number;
  sentOps: number;
  retries: number;
  droppedPoints: number; // refused at the memory bound
  droppedOps: number;
  rejectedPoints: number; // refused by the server (4xx) or abandoned at close
  rejectedOps: number;
  connected: boolean | null; // null until the first answer or failure
  blocked: boolean; // at the memory bound: logMetric returns a promise
  lastError: { message: string; status: number; code: string; at: string } | null;
};
