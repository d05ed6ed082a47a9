// The CLI's retry: a request that failed because the server was briefly away (connection refused,
// 502/503/504, 429) is tried again with backoff for up to PROVSCOPE_RETRY_SECONDS (default 10 s).
// Only used for idempotent requests: reads, batches with a fixed id, OpenLineage events.
import { ProvscopeError } from "../errors";
import { backoffMs, DEFAULT_RETRY, shouldRetry } from "../retry";

export async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  const budgetMs = 1000 * Number(process.env.PROVSCOPE_RETRY_SECONDS ?? 10);
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ProvscopeError)) throw err; // a usage error, a bug: never retried
      const wait = backoffMs(attempt, { ...DEFAULT_RETRY, maxBackoffMs: 2000 });
      if (!shouldRetry(err, attempt, DEFAULT_RETRY) || Date.now() + wait > deadline) throw err;
      if (attempt === 1) process.stderr.write(`provscope: ${err.message}; retrying for up to ${budgetMs / 1000} s (PROVSCOPE_RETRY_SECONDS)\n`);
      await new Promise((r) => setTimeout(r, wait)); // a held timer: the CLI has nothing else keeping it alive
    }
  }
}
