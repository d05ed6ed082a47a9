// Retrying one request: exponential backoff with jitter, cancellable, and a rule for how long
// each kind of failure is worth retrying.
import { ProvscopeError } from "./errors";

export type RetryPolicy = {
  initialBackoffMs: number;
  maxBackoffMs: number;
  // A 500 is usually a server bug that a retry will not fix; the server being down or restarting
  // (no answer, 502/503/504) is retried for as long as the client is open.
  serverErrorAttempts: number;
};

export const DEFAULT_RETRY: RetryPolicy = { initialBackoffMs: 100, maxBackoffMs: 5_000, serverErrorAttempts: 8 };

export function shouldRetry(err: ProvscopeError, attempt: number, policy: RetryPolicy): boolean {
  if (!err.retriable) return false;
  return err.status !== 500 || attempt < policy.serverErrorAttempts;
}

// "Equal jitter": half the exponential delay plus a random half, so many ranks retrying after the
// same outage do not come back in lockstep.
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.min(attempt - 1, 30));
  return ceiling / 2 + (ceiling / 2) * random();
}

// Unref'd, so a retry loop alone never keeps a finished script alive: the exit flush (which holds
// its own timer) decides how long to wait.
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener("abort", done, { once: true });
  });
}

export function asProvscopeError(err: unknown): ProvscopeError {
  if (err instanceof ProvscopeError) return err;
  return new ProvscopeError(err instanceof Error ? err.message : String(err), 0, "client_error", undefined, { cause: err });
}
