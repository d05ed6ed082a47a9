import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniq, auth, getJson } from "../fixtures";
import type { IngestBatchInput } from "../../lib/schemas/ingest";

// Registers one version per loss (test_loss metric, model artifact output) of a fresh model whose
// name needs URL-encoding, and returns the name and its encoded path prefix.
async function seedModel(ingest: (ops: IngestBatchInput["ops"]) => Promise<unknown>, losses: number[]) {
  const name = `${uniq("EKE Net")}/τ+1`;
  for (const loss of losses) {
    const execution = uniq("reg-train");
    const hash = `sha256:${execution}`;
    await ingest([
      { op: "execution.start", pipeline: uniq("reg-pipe"), stage: "train", execution },
      { op: "metrics", execution, values: { test_loss: loss } },
      { op: "artifact", execution, direction: "output", type: "model", name, uri: `file:///models/${execution}.pt`, hash },
      { op: "model.version", model: name, hash, execution },
      { op: "execution.end", execution, status: "COMPLETED" },
    ]);
  }
  return { name, base: `/api/v1/models/${encodeURIComponent(name)}` };
}

async function namedToken(request: APIRequestContext, adminHeaders: Record<string, string>, scope: "read" | "write") {
  const name = uniq(`registry-${scope}`);
  const res = await request.post("/api/v1/tokens", { headers: adminHeaders, data: { name, scope } });
  expect(res.status()).toBe(201);
  return { name, token: (await res.json()).token as string };
}

test("promote → rollback → history, with the token's name as actor", async ({ request, ingest, admin }) => {
  const { name, base } = await seedModel(ingest, [0.5, 0.4, 0.3]);
  const writer = await namedToken(request, admin.headers, "write");
  const alias = `${base}/aliases/deployed`;
  const post = (url: string, data: unknown) => request.post(url, { headers: auth(writer.token), data });

  for (const v of [1, 2, 3]) {
    const res = await post(alias, { version: v, reason: `eval ${v} passed` });
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toMatchObject({ model: name, alias: "deployed", version: v, change: { to: v, action: "promote" } });
  }
  const back = await post(`${alias}/rollback`, { reason: "v3 diverged in the coupled run" });
  expect(back.status(), await back.text()).toBe(200);
  expect(await back.json()).toMatchObject({ version: 2, change: { from: 3, to: 2, action: "rollback", actor: writer.name } });
  const again = await post(`${alias}/rollback`, { reason: "v2 too", version: 1 });
  expect(await again.json()).toMatchObject({ version: 1, change: { from: 2, to: 1 } });

  expect(await getJson(request, alias)).toMatchObject({ model: name, alias: "deployed", version: 1, artifact: { hash: expect.any(String) } });
  const history = await getJson(request, `${alias}/history`);
  expect(history.changes.map((c: Record<string, unknown>) => [c.action, c.from, c.to, c.reason, c.actor])).toEqual([
    ["promote", null, 1, "eval 1 passed", writer.name],
    ["promote", 1, 2, "eval 2 passed", writer.name],
    ["promote", 2, 3, "eval 3 passed", writer.name],
    ["rollback", 3, 2, "v3 diverged in the coupled run", writer.name],
    ["rollback", 2, 1, "v2 too", writer.name],
  ]);
  for (const c of history.changes) expect(Date.parse(c.at)).not.toBeNaN();

  const none = await post(`${alias}/rollback`, { reason: "nothing left" });
  expect(none.status()).toBe(422);
  expect((await none.json()).error.code).toBe("no_previous_version");

  const model = await getJson(request, base);
  expect(model.aliases).toEqual([{ alias: "deployed", version: 1, updatedAt: expect.any(String) }]);
  expect(model.versions.map((v: { metrics: Record<string, unknown> }) => v.metrics.test_loss)).toEqual([0.5, 0.4, 0.3]);
  const list = await getJson(request, `/api/v1/models?q=${encodeURIComponent(name)}`);
  expect(list.models.find((m: { name: string }) => m.name === name)).toMatchObject({ versions: 3, latestVersion: 3, aliases: { deployed: 1 } });
});

test("best by metric answers what a driver needs to deploy", async ({ request, ingest, admin }) => {
  const { name, base } = await seedModel(ingest, [0.5, 0.2, 0.2, 0.9]);
  const min = await getJson(request, `${base}/best?metric=test_loss`);
  expect(min).toMatchObject({ model: name, version: 3, metric: "test_loss", value: 0.2, mode: "min", execution: { uuid: expect.any(String) } });
  expect(min.artifact.uri).toMatch(/^file:\/\/\/models\/reg-train-.*\.pt$/);
  expect(min.artifact.hash).toMatch(/^sha256:reg-train-/);
  expect(await getJson(request, `${base}/best?metric=test_loss&mode=max`)).toMatchObject({ version: 4, value: 0.9 });

  const missing = await request.get(`${base}/best?metric=val_loss`, { headers: admin.headers });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toContain("test_loss");
  const badMode = await request.get(`${base}/best?metric=test_loss&mode=median`, { headers: admin.headers });
  expect(badMode.status()).toBe(422);
  expect((await badMode.json()).error.path).toBe("mode");
});

test("a read-scope token gets 403 and no token gets 401, with the exact envelope", async ({ request, ingest, tokenFor }) => {
  const { base } = await seedModel(ingest, [0.3]);
  const reader = await tokenFor("read");
  const alias = `${base}/aliases/deployed`;
  for (const [url, data] of [[alias, { version: 1, reason: "r" }], [`${alias}/rollback`, { reason: "r" }]] as const) {
    const res = await request.post(url, { headers: auth(reader), data });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "this token has 'read' scope; this request needs 'write'" } });
    const anon = await request.post(url, { data });
    expect(anon.status()).toBe(401);
    expect(await anon.json()).toEqual({
      error: { code: "unauthorized", message: "missing API token: send 'Authorization: Bearer <token>' (create one with `provscope token create`)" },
    });
  }
  // The read token may read.
  const res = await request.get(base, { headers: auth(reader) });
  expect(res.status()).toBe(200);
});

test.describe("errors", () => {
  const cases: Array<{ name: string; method: "get" | "post"; path: (base: string) => string; data?: unknown; status: number; code: string; errPath?: string }> = [
    { name: "unknown model", method: "get", path: () => `/api/v1/models/${encodeURIComponent(uniq("no such model"))}`, status: 404, code: "not_found" },
    { name: "unknown model on promote", method: "post", path: () => `/api/v1/models/${uniq("nope")}/aliases/deployed`, data: { version: 1, reason: "r" }, status: 404, code: "not_found" },
    { name: "unset alias", method: "get", path: (b) => `${b}/aliases/staging`, status: 404, code: "not_found" },
    { name: "unknown version", method: "post", path: (b) => `${b}/aliases/deployed`, data: { version: 42, reason: "r" }, status: 404, code: "not_found" },
    { name: "missing reason", method: "post", path: (b) => `${b}/aliases/deployed`, data: { version: 1 }, status: 422, code: "invalid", errPath: "reason" },
    { name: "blank reason on rollback", method: "post", path: (b) => `${b}/aliases/deployed/rollback`, data: { reason: "  " }, status: 422, code: "invalid", errPath: "reason" },
    { name: "version 0", method: "post", path: (b) => `${b}/aliases/deployed`, data: { version: 0, reason: "r" }, status: 422, code: "invalid", errPath: "version" },
    { name: "bad alias name", method: "get", path: (b) => `${b}/aliases/${encodeURIComponent("no spaces")}`, status: 422, code: "invalid", errPath: "alias" },
    { name: "rollback of an unset alias", method: "post", path: (b) => `${b}/aliases/never/rollback`, data: { reason: "r" }, status: 404, code: "not_found" },
  ];
  for (const c of cases) {
    test(c.name, async ({ request, ingest, admin }) => {
      const { base } = await seedModel(ingest, [0.3]);
      const res = await request[c.method](c.path(base), { headers: admin.headers, ...(c.data ? { data: c.data } : {}) });
      expect(res.status(), await res.text()).toBe(c.status);
      const body = await res.json();
      expect(body.error.code).toBe(c.code);
      expect(body.error.message.length).toBeGreaterThan(10);
      if (c.errPath) expect(body.error.path).toBe(c.errPath);
    });
  }
});
