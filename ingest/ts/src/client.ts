// The SDK's only way to the server: HTTP with a bearer token, a timeout, and the error envelope
// turned into a ProvscopeError whose message says what went wrong and how to fix it.
import { isEnvelope, networkReason, ProvscopeError } from "./errors";

export const DEFAULT_URL = "http://127.0.0.1:3000";

export type ClientOptions = {
  url?: string; // default PROVSCOPE_URL, else http://127.0.0.1:3000
  token?: string; // default PROVSCOPE_TOKEN
  timeoutMs?: number; // per request; default 60 s (a large batch on a busy SQLite file can queue)
};

export type RequestOptions = {
  query?: Record<string, string | number | undefined>;
  body?: unknown; // a string is sent as is (already serialised JSON)
  signal?: AbortSignal;
};

export class HttpClient {
  readonly url: string;
  readonly token: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: ClientOptions = {}) {
    this.url = (options.url ?? process.env.PROVSCOPE_URL ?? DEFAULT_URL).replace(/\/+$/, "");
    this.token = options.token ?? process.env.PROVSCOPE_TOKEN ?? undefined;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.url + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const what = `${method} ${path}`;

    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method, headers, body, signal });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted) {
        throw new ProvscopeError(`${what}: no answer from ${this.url} within ${this.timeoutMs / 1000} s`, 0, "timeout", undefined, { cause: err });
      }
      if (options.signal?.aborted) throw new ProvscopeError(`${what}: cancelled`, 0, "cancelled", undefined, { cause: err });
      throw new ProvscopeError(
        `cannot connect to ${this.url} (${networkReason(err)}): is the server running? Set PROVSCOPE_URL or --url`,
        0,
        "connection_failed",
        undefined,
        { cause: err },
      );
    }
    const parsed = parseJson(text);
    if (res.ok) return (parsed ?? text) as T;
    if (isEnvelope(parsed)) {
      const { code, message, path: field } = parsed.error;
      throw new ProvscopeError(`${what} → ${res.status} ${code}: ${message}`, res.status, code, field);
    }
    throw new ProvscopeError(`${what} → HTTP ${res.status}: ${text.slice(0, 300) || res.statusText}`, res.status, "http_error");
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
