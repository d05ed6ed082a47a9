// Streaming HTTP for artifact files: node:http rather than fetch, so an upload can declare its
// Content-Length (the server refuses an oversized file before reading it) and bytes flow through
// Node streams with backpressure, never whole in memory.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { HttpClient } from "./client";
import { isEnvelope, networkReason, ProvscopeError } from "./errors";

export type RawOptions = { headers?: OutgoingHttpHeaders; body?: Readable; timeoutMs?: number };

// Sends one request and resolves with the response head; the caller reads (or drains) the body.
export function rawRequest(http: HttpClient, method: string, path: string, options: RawOptions = {}): Promise<IncomingMessage> {
  const url = new URL(http.url + path);
  const headers: OutgoingHttpHeaders = { ...options.headers };
  if (http.token) headers.authorization = `Bearer ${http.token}`;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // agent: false — a connection of its own. A pooled keep-alive socket may have been closed by
    // the server while a large file was being hashed, and a transfer gains nothing from reuse.
    const req = send(url, { method, headers, agent: false, timeout: options.timeoutMs ?? 300_000 }, resolve);
    const fail = (err: unknown) => {
      reject(
        new ProvscopeError(
          `${method} ${path}: cannot reach ${http.url} (${networkReason(err)}): is the server running? Set PROVSCOPE_URL or --url`,
          0,
          "connection_failed",
          undefined,
          { cause: err },
        ),
      );
    };
    req.on("error", fail);
    req.on("timeout", () => req.destroy(new Error("timed out")));
    if (options.body) pipeline(options.body, req).catch(fail);
    else req.end();
  });
}

// The error a non-2xx answer means: the server's envelope when it sent one.
export async function responseError(res: IncomingMessage, what: string): Promise<ProvscopeError> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    if (size < 64 * 1024) parts.push(chunk);
    size += chunk.length;
  }
  const text = Buffer.concat(parts).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const status = res.statusCode ?? 0;
  if (isEnvelope(body)) return new ProvscopeError(`${what} → ${status} ${body.error.code}: ${body.error.message}`, status, body.error.code, body.error.path);
  return new ProvscopeError(`${what} → HTTP ${status}: ${text.slice(0, 300) || res.statusMessage}`, status, "http_error");
}

// Reads and discards a body we do not need, so the connection can be reused.
export function drain(res: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    res.on("end", resolve).on("error", () => resolve()).on("close", () => resolve());
    res.resume();
  });
}
