import path from "node:path";
import { test, expect, uniq, auth } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { run } from "./native-helpers";
import { OwnServer, root } from "./sec-server";

// Access control: token lifecycle (API and CLI), anonymous access with and without
// PROVSCOPE_PUBLIC_READ, secrets never in listings or logs, and the Content-Security-Policy on
// every API answer.

test("a token's life: created with its secret once, listed by prefix, used, revoked", async ({ request, admin }) => {
  const name = uniq("life");
  const created = await request.post("/api/v1/tokens", { headers: admin.headers, data: { name, scope: "write" } });
  expect(created.status()).toBe(201);
  const { id, token, prefix } = await created.json();
  expect(token).toMatch(/^pvs_[A-Za-z0-9_-]{32}$/);
  expect(prefix).toBe(token.slice(0, 8));

  const before = await request.get("/api/v1/session", { headers: auth(token) });
  expect(await before.json()).toEqual({ name, scope: "write" });
  // Use is recorded (to the minute, asynchronously).
  await expect
    .poll(async () => {
      const list = await (await request.get("/api/v1/tokens", { headers: admin.headers })).json();
      return list.tokens.find((t: { id: number }) => t.id === id)?.lastUsedAt ?? null;
    })
    .not.toBeNull();
  const listing = await (await request.get("/api/v1/tokens", { headers: admin.headers })).text();
  expect(listing).not.toContain(token); // never the secret
  expect(listing).not.toMatch(/"hash"/);

  const revoked = await request.delete(`/api/v1/tokens/${id}`, { headers: admin.headers });
  expect(revoked.status()).toBe(200);
  expect((await revoked.json()).revokedAt).toEqual(expect.any(String));
  const after = await request.get("/api/v1/executions", { headers: auth(token) });
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/unknown or revoked/) });
});

test("CLI: token create, list, revoke", async ({ baseURL }) => {
  const cli = (...args: string[]) => run(process.execPath, [path.join(root, "ingest/ts/bin/provscope.mjs"), "--url", baseURL!, ...args], { cwd: root, env: { PROVSCOPE_TOKEN: ADMIN_TOKEN } });
  const name = uniq("cli-token");
  const created = await cli("token", "create", name, "--scope", "read", "--json");
  expect(created.code, created.stderr).toBe(0);
  const t = JSON.parse(created.stdout) as { id: number; token: string };
  const list = await cli("token", "list");
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(new RegExp(`${t.id}\\s+${name}\\s+read\\s+${t.token.slice(0, 8)}…\\s+active`));
  expect(list.stdout).not.toContain(t.token);
  const revoke = await cli("token", "revoke", String(t.id));
  expect(revoke.stdout).toContain(`token ${t.id} '${name}' revoked`);
  const denied = await run(process.execPath, [path.join(root, "ingest/ts/bin/provscope.mjs"), "--url", baseURL!, "status"], { cwd: root, env: { PROVSCOPE_TOKEN: t.token } });
  expect(denied.code).toBe(1);
  expect(denied.stderr).toMatch(/401 unauthorized/);
});

test("without PROVSCOPE_PUBLIC_READ nothing is anonymous: API 401, pages redirect to sign-in", async ({ request }) => {
  for (const url of ["/api/v1/executions", "/api/v1/pipelines", "/api/v1/models", "/api/2.0/mlflow/experiments/get?experiment_id=1"]) {
    expect((await request.get(url)).status(), url).toBe(401);
  }
  const page = await request.get("/executions", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/\/login\?next=%2Fexecutions$/);
});

test("PROVSCOPE_PUBLIC_READ=1: anonymous reading works, every write and admin call still needs a token", async () => {
  test.setTimeout(120_000);
  const server = await OwnServer.start({ env: { PROVSCOPE_PUBLIC_READ: "1" } });
  try {
    const execution = uniq("public");
    const seeded = await server.call("POST", "/api/v1/batches", { body: { batchId: uniq("b"), ops: [{ op: "execution.start", pipeline: "public", stage: "s", execution }] } });
    expect(seeded.status).toBe(200);
    for (const url of ["/api/v1/pipelines", "/api/v1/executions", `/api/v1/executions/${execution}`, "/api/v1/models", `/api/v1/lineage?node=execution:${execution}`, "/api/v1/search?q=public"]) {
      expect((await server.call("GET", url, { token: null })).status, url).toBe(200);
    }
    for (const url of ["/", "/executions", `/executions/${execution}`]) {
      const page = await fetch(`${server.url}${url}`, { redirect: "manual" });
      expect(page.status, url).toBe(200);
    }

    const writes: Array<[string, string, unknown]> = [
      ["POST", "/api/v1/batches", { batchId: uniq("anon"), ops: [{ op: "execution.start", pipeline: "anon", stage: "s", execution: uniq("anon") }] }],
      ["POST", "/api/v1/lineage", { eventType: "START", eventTime: "2026-11-22T10:00:00Z", run: { runId: uniq("r") }, job: { namespace: "n", name: "j" } }],
      ["POST", "/api/v1/models/m/aliases/prod", { version: 1, reason: "anonymous" }],
      ["POST", "/api/v1/tokens", { name: "anon", scope: "admin" }],
      ["GET", "/api/v1/tokens", undefined],
      ["DELETE", "/api/v1/tokens/1", undefined],
      ["GET", "/api/v1/admin/backup", undefined],
      ["POST", "/api/2.0/mlflow/experiments/create", { name: "anon" }],
      ["POST", "/api/mlmd_push", { Pipeline: [] }],
    ];
    for (const [method, url, body] of writes) {
      const res = await server.call(method, url, { token: null, body });
      expect(res.status, `${method} ${url}: ${res.text}`).toBe(401);
    }
    // A read token is still a read token.
    const read = (await server.call("POST", "/api/v1/tokens", { body: { name: "reader", scope: "read" } })).json.token as string;
    expect((await server.call("POST", "/api/v1/batches", { token: read, body: writes[0][2] })).status).toBe(403);
    expect(server.log()).not.toContain(read);
    expect(server.log()).not.toContain(ADMIN_TOKEN);
  } finally {
    await server.dispose();
  }
});

test("every API answer carries a Content-Security-Policy that forbids rendering", async ({ request, admin }) => {
  for (const [url, status] of [["/api/health", 200], ["/api/v1/executions", 200], ["/api/v1/executions/nope", 404], ["/api/v1/no-such-thing", 404], ["/api/v1/openapi.json", 200]] as const) {
    const res = await request.get(url, { headers: admin.headers });
    expect(res.status(), url).toBe(status);
    expect(res.headers()["content-security-policy"], url).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  }
});
