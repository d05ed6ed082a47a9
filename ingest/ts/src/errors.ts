// One error type for everything the SDK and CLI report: an API error envelope, a connection
// failure or a timeout. `status` is 0 when no HTTP response arrived.
export type ErrorEnvelope = { error: { code: string; message: string; path?: string; position?: number } };

// Statuses worth retrying with the same batchId: the server may not have seen the request, or
// it failed before committing (ingest is all-or-nothing, so nothing was half written).
const RETRIABLE = new Set([0, 408, 425, 429, 500, 502, 503, 504]);

export class ProvscopeError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProvscopeError";
  }

  get retriable(): boolean {
    return RETRIABLE.has(this.status) && this.code !== "cancelled" && this.code !== "client_error";
  }

  // True when the server could not be reached at all (the CLI's exit code 3).
  get unreachable(): boolean {
    return this.status === 0 && (this.code === "connection_failed" || this.code === "timeout");
  }
}

export function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (body === null || typeof body !== "object" || !("error" in body)) return false;
  const e = (body as { error: unknown }).error;
  return e !== null && typeof e === "object" && typeof (e as { message?: unknown }).message === "string";
}

// fetch() reports every network failure as "fetch failed"; the useful part is the cause's code.
export function networkReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
