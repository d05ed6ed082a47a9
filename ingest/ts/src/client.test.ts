import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./client";
import { ProvscopeError } from "./errors";
import { backoffMs, DEFAULT_RETRY, shouldRetry } from "./retry";

let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/envelope") {
      res.writeHead(422, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { code: "invalid", message: "ops.0.key: must not be empty", path: "ops.0.key" } }));
    }
    if (req.url === "/html") {
      res.writeHead(502, { "content-type": "text/html" });
      return res.end("<html>bad gateway</html>");
    }
    if (req.url === "/slow") return setTimeout(() => res.end("{}"), 500);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ auth: req.headers.authorization ?? null, url: req.url }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

async function failure(p: Promise<unknown>): Promise<ProvscopeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ProvscopeError);
  return err as ProvscopeError;
}

describe("HttpClient", () => {
  it("sends the bearer token and the query string", async () => {
    const res = await new HttpClient({ url: `${url}/`, token: "t1" }).request("GET", "/echo", { query: { metric: "test loss", mode: undefined } });
    expect(res).toEqual({ auth: "Bearer t1", url: "/echo?metric=test+loss" });
  });

  it("turns the error envelope into a ProvscopeError with code, status and path", async () => {
    const err = await failure(new HttpClient({ url }).request("POST", "/envelope", { body: {} }));
    expect(err.message).toBe("POST /envelope → 422 invalid: ops.0.key: must not be empty");
    expect(err).toMatchObject({ status: 422, code: "invalid", path: "ops.0.key", retriable: false, unreachable: false });
  });

  it("reports a non-JSON error body and marks a 502 as retriable", async () => {
    const err = await failure(new HttpClient({ url }).request("GET", "/html"));
    expect(err.message).toBe("GET /html → HTTP 502: <html>bad gateway</html>");
    expect(err).toMatchObject({ status: 502, code: "http_error", retriable: true });
  });

  it("says the server cannot be reached, and how to point at another", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await failure(new HttpClient({ url: `http://127.0.0.1:${port}` }).request("GET", "/api/health"));
    expect(err.message).toBe(`cannot connect to http://127.0.0.1:${port} (ECONNREFUSED): is the server running? Set PROVSCOPE_URL or --url`);
    expect(err).toMatchObject({ status: 0, code: "connection_failed", retriable: true, unreachable: true });
  });

  it("times out a request that gets no answer", async () => {
    const err = await failure(new HttpClient({ url, timeoutMs: 100 }).request("GET", "/slow"));
    expect(err).toMatchObject({ code: "timeout", retriable: true });
  });
});

describe("retry policy", () => {
  it("backs off exponentially with equal jitter, capped", () => {
    const p = { ...DEFAULT_RETRY, initialBackoffMs: 100, maxBackoffMs: 1000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, p, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, p, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it("retries an unreachable server for ever, a 500 a few times, a 4xx never", () => {
    const e = (status: number, code = "x") => new ProvscopeError("m", status, code);
    expect(shouldRetry(e(0, "connection_failed"), 1000, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry(e(503), 1000, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry(e(500), 1, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry(e(500), DEFAULT_RETRY.serverErrorAttempts, DEFAULT_RETRY)).toBe(false);
    for (const s of [400, 401, 403, 404, 413, 422]) expect(shouldRetry(e(s), 1, DEFAULT_RETRY)).toBe(false);
    expect(shouldRetry(e(0, "cancelled"), 1, DEFAULT_RETRY)).toBe(false);
  });
});
