import { test, expect, uniq, auth } from "../fixtures";

// Every error class of the API answers with the one envelope {error:{code,message,path?}}.
type Case = {
  name: string;
  method?: "GET" | "POST";
  url: string;
  body?: string | object;
  token?: "admin" | "read" | "none" | "bogus";
  status: number;
  code: string;
  path?: string;
  message?: RegExp;
};

const batch = (ops: object[]) => ({ batchId: uniq("err"), ops });
const start = { op: "execution.start", pipeline: "errors", stage: "s", execution: "errors-exec" };

const cases: Case[] = [
  { name: "malformed JSON", url: "/api/v1/batches", body: '{"batchId": "x", "ops": [', status: 400, code: "invalid_json", message: /not valid JSON/ },
  { name: "empty body", url: "/api/v1/batches", body: "", status: 400, code: "invalid_json" },
  { name: "missing batchId", url: "/api/v1/batches", body: { ops: [start] }, status: 422, code: "invalid", path: "batchId" },
  { name: "empty ops", url: "/api/v1/batches", body: { batchId: "x", ops: [] }, status: 422, code: "invalid", path: "ops" },
  { name: "unknown op", url: "/api/v1/batches", body: batch([{ op: "drop.table" }]), status: 422, code: "invalid", path: "ops.0.op", message: /unknown op/ },
  { name: "unknown field", url: "/api/v1/batches", body: batch([{ ...start, colour: "red" }]), status: 422, code: "invalid", path: "ops.0" },
  { name: "wrong value type", url: "/api/v1/batches", body: batch([start, { op: "series", execution: "errors-exec", key: "k", steps: [1, 2], values: [1, "nan"] }]), status: 422, code: "invalid", path: "ops.1.values.1" },
  { name: "non-increasing steps", url: "/api/v1/batches", body: batch([start, { op: "series", execution: "errors-exec", key: "k", steps: [1, 3, 3], values: [1, 2, 3] }]), status: 422, code: "invalid", path: "ops.1.steps.2" },
  { name: "negative step", url: "/api/v1/batches", body: batch([start, { op: "series", execution: "errors-exec", key: "k", steps: [-1], values: [1] }]), status: 422, code: "invalid", path: "ops.1.steps.0" },
  { name: "length mismatch", url: "/api/v1/batches", body: batch([start, { op: "series", execution: "errors-exec", key: "k", steps: [1, 2], values: [1] }]), status: 422, code: "invalid", path: "ops.1.values" },
  { name: "unknown execution", url: "/api/v1/batches", body: batch([{ op: "metrics", execution: "never-started", values: { a: 1 } }]), status: 422, code: "unknown_execution", path: "ops.0.execution" },
  { name: "bad artifact type", url: "/api/v1/batches", body: batch([start, { op: "artifact", execution: "errors-exec", direction: "input", type: "table", name: "t", hash: "h" }]), status: 422, code: "invalid", path: "ops.1.type" },
  { name: "__proto__ key", url: "/api/v1/batches", body: `{"batchId":"${uniq("p")}","ops":[{"op":"execution.start","pipeline":"p","stage":"s","execution":"e","params":{"__proto__":{"x":1}}}]}`, status: 422, code: "invalid", path: "ops.0.params" },
  { name: "no token", url: "/api/v1/batches", body: batch([start]), token: "none", status: 401, code: "unauthorized" },
  { name: "unknown token", url: "/api/v1/batches", body: batch([start]), token: "bogus", status: 401, code: "unauthorized" },
  { name: "read token writes", url: "/api/v1/batches", body: batch([start]), token: "read", status: 403, code: "forbidden", message: /'read' scope.*'write'/ },
  { name: "read token reads tokens", method: "GET", url: "/api/v1/tokens", token: "read", status: 403, code: "forbidden" },
  { name: "unknown execution detail", method: "GET", url: "/api/v1/executions/no-such-exec", status: 404, code: "not_found" },
  { name: "unknown artifact", method: "GET", url: "/api/v1/artifacts/999999999", status: 404, code: "not_found" },
  { name: "non-numeric artifact id", method: "GET", url: "/api/v1/artifacts/abc", status: 422, code: "invalid", path: "id" },
  { name: "filter syntax", method: "GET", url: `/api/v1/executions?filter=${encodeURIComponent("metrics.test_loss < AND x")}`, status: 422, code: "invalid_filter", path: "filter", message: /position 20/ },
  { name: "bad sort", method: "GET", url: "/api/v1/executions?sort=password", status: 422, code: "invalid", path: "sort" },
  { name: "bad limit", method: "GET", url: "/api/v1/executions?limit=0", status: 422, code: "invalid", path: "limit" },
];

test.describe("error envelope", () => {
  for (const c of cases) {
    test(`${c.status} ${c.name}`, async ({ request, admin, tokenFor }) => {
      const token = c.token ?? "admin";
      const headers: Record<string, string> =
        token === "admin" ? admin.headers : token === "read" ? auth(await tokenFor("read")) : token === "bogus" ? auth("pvs_not_a_real_token") : {};
      const body = typeof c.body === "string" ? c.body : c.body === undefined ? undefined : JSON.stringify(c.body);
      const res = await request.fetch(c.url, {
        method: c.method ?? "POST",
        headers: { ...headers, "content-type": "application/json" },
        // A Buffer goes out byte for byte; Playwright would JSON-encode a string that is not valid JSON.
        ...(body !== undefined ? { data: Buffer.from(body) } : {}),
      });
      expect(res.status()).toBe(c.status);
      const json = await res.json();
      expect(Object.keys(json)).toEqual(["error"]);
      expect(json.error.code).toBe(c.code);
      expect(typeof json.error.message).toBe("string");
      expect(json.error.message).not.toMatch(/at .*\.(js|ts):\d+/); // never a stack trace
      if (c.path) expect(json.error.path).toBe(c.path);
      if (c.message) expect(json.error.message).toMatch(c.message);
    });
  }

  test("filter errors carry the position", async ({ request, admin }) => {
    const res = await request.get(`/api/v1/executions?filter=${encodeURIComponent('(params.arch = "resnet"')}`, { headers: admin.headers });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "invalid_filter", position: 0 });
  });

  test("413 for a body over the limit", async ({ request, admin }) => {
    const huge = JSON.stringify({ batchId: "huge", ops: [{ op: "execution.start", pipeline: "x".repeat(9 * 1024 * 1024), stage: "s", execution: "e" }] });
    const res = await request.post("/api/v1/batches", { headers: { ...admin.headers, "content-type": "application/json" }, data: huge });
    expect(res.status()).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "too_large", message: expect.stringMatching(/8388608 bytes/) });
  });
});
