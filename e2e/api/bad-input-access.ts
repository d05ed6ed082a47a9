// Bad-input corpus, part 2: the registry's promote and rollback, tokens, the dashboard session and
// cookie-authenticated writes from other sites.
import { ADMIN_TOKEN } from "../../playwright.config";
import { json, type BadCase, type Seed } from "./bad-input-corpus";

type Row = [name: string, body: unknown, status?: number];

export function accessCases(s: Seed): BadCase[] {
  const model = encodeURIComponent(s.model);
  const promoteUrl = `/api/v1/models/${model}/aliases/prod`;
  const rollbackUrl = `${promoteUrl}/rollback`;
  const cases: BadCase[] = [];

  const promote: Row[] = [
    ["version 0", { version: 0, reason: "r" }],
    ["negative version", { version: -1, reason: "r" }],
    ["fractional version", { version: 1.5, reason: "r" }],
    ["version as string", { version: "2", reason: "r" }],
    ["version 1e300", { version: 1e300, reason: "r" }],
    ["version missing", { reason: "r" }],
    ["reason missing", { version: 2 }],
    ["reason blank", { version: 2, reason: "   " }],
    ["reason of 1,001 characters", { version: 2, reason: "r".repeat(1001) }],
    ["reason with NUL", { version: 2, reason: "ok\u0000then" }],
    ["reason an object", { version: 2, reason: { text: "r" } }],
    ["unknown field", { version: 2, reason: "r", force: true }],
    ["unknown version", { version: 99, reason: "r" }, 404],
  ];
  for (const [name, body, status] of promote) {
    cases.push({ name: `promote: ${name}`, method: "POST", url: promoteUrl, body: json(body), ...(status ? { status } : {}) });
  }
  const valid = json({ version: 2, reason: "r" });
  cases.push(
    { name: "promote: body over 64 KiB", method: "POST", url: promoteUrl, body: json({ version: 2, reason: "r".repeat(70_000) }), status: 413, message: /65536 bytes/ },
    { name: "promote: unknown model", method: "POST", url: `/api/v1/models/${s.prefix}-nomodel/aliases/prod`, body: valid, status: 404 },
    { name: "promote: model name with SQL", method: "POST", url: `/api/v1/models/${encodeURIComponent(`x'; DROP TABLE "RegisteredModel"; --`)}/aliases/prod`, body: valid, status: 404 },
    { name: "promote: model name with control character", method: "POST", url: `/api/v1/models/a%01b/aliases/prod`, body: valid, status: 422 },
    { name: "promote: model name of 257 characters", method: "POST", url: `/api/v1/models/${"m".repeat(257)}/aliases/prod`, body: valid, status: 422 },
    { name: "promote: alias with markup", method: "POST", url: `/api/v1/models/${model}/aliases/${encodeURIComponent("<script>")}`, body: valid, status: 422 },
    { name: "promote: alias of 65 characters", method: "POST", url: `/api/v1/models/${model}/aliases/${"a".repeat(65)}`, body: valid, status: 422 },
    { name: "promote: alias with a space", method: "POST", url: `/api/v1/models/${model}/aliases/a%20b`, body: valid, status: 422 },
    { name: "promote: read token", method: "POST", url: promoteUrl, body: valid, token: "read", status: 403 },
    { name: "promote: no token", method: "POST", url: promoteUrl, body: valid, token: "none", status: 401 },
  );

  const rollback: Row[] = [
    ["no previous version", { reason: "r" }, 422],
    ["to the current version", { reason: "r", version: 1 }, 422],
    ["version as string", { reason: "r", version: "abc" }],
    ["version 0", { reason: "r", version: 0 }],
    ["unknown version", { reason: "r", version: 99 }, 404],
    ["reason missing", { version: 2 }],
    ["reason empty", { reason: "" }],
    ["unknown field", { reason: "r", to: 2 }],
  ];
  for (const [name, body, status] of rollback) {
    cases.push({ name: `rollback: ${name}`, method: "POST", url: rollbackUrl, body: json(body), ...(status ? { status } : {}) });
  }
  cases.push(
    { name: "rollback: unknown alias", method: "POST", url: `/api/v1/models/${model}/aliases/nosuchalias/rollback`, body: json({ reason: "r" }), status: 404 },
    { name: "rollback: write token on an unknown model", method: "POST", url: `/api/v1/models/${s.prefix}-nomodel/aliases/prod/rollback`, body: json({ reason: "r" }), token: "write", status: 404 },
  );

  const tokens: Row[] = [
    ["name missing", { scope: "read" }],
    ["name empty", { name: "", scope: "read" }],
    ["name of 257 characters", { name: "n".repeat(257), scope: "read" }],
    ["name with a newline", { name: "a\nb", scope: "read" }],
    ["name a number", { name: 5, scope: "read" }],
    ["scope root", { name: `${s.prefix}-t`, scope: "root" }],
    ["scope in upper case", { name: `${s.prefix}-t`, scope: "ADMIN" }],
    ["scope missing", { name: `${s.prefix}-t` }],
    ["scope an array", { name: `${s.prefix}-t`, scope: ["read", "admin"] }],
    ["unknown field (own secret)", { name: `${s.prefix}-t`, scope: "read", token: "pvs_chosen_by_caller_0123456789" }],
  ];
  for (const [name, body] of tokens) cases.push({ name: `tokens: ${name}`, method: "POST", url: "/api/v1/tokens", body: json(body) });
  const newToken = json({ name: `${s.prefix}-t`, scope: "admin" });
  cases.push(
    { name: "tokens: body over 64 KiB", method: "POST", url: "/api/v1/tokens", body: json({ name: "n".repeat(70_000), scope: "read" }), status: 413, message: /65536 bytes/ },
    { name: "tokens: __proto__ key", method: "POST", url: "/api/v1/tokens", body: `{"name": "${s.prefix}-t", "scope": "read", "__proto__": {"scope": "admin"}}` },
    { name: "tokens: create with a read token", method: "POST", url: "/api/v1/tokens", body: newToken, token: "read", status: 403 },
    { name: "tokens: create with a write token", method: "POST", url: "/api/v1/tokens", body: newToken, token: "write", status: 403 },
    { name: "tokens: create without a token", method: "POST", url: "/api/v1/tokens", body: newToken, token: "none", status: 401 },
    { name: "tokens: create with an unknown token", method: "POST", url: "/api/v1/tokens", body: newToken, token: "bogus", status: 401 },
    { name: "tokens: list with a write token", method: "GET", url: "/api/v1/tokens", token: "write", status: 403 },
    { name: "tokens: revoke id abc", method: "DELETE", url: "/api/v1/tokens/abc", status: 422 },
    { name: "tokens: revoke id 0", method: "DELETE", url: "/api/v1/tokens/0", status: 422 },
    { name: "tokens: revoke id -1", method: "DELETE", url: "/api/v1/tokens/-1", status: 422 },
    { name: "tokens: revoke id 1.5", method: "DELETE", url: "/api/v1/tokens/1.5", status: 422 },
    { name: "tokens: revoke id with SQL", method: "DELETE", url: `/api/v1/tokens/${encodeURIComponent("1 OR 1=1")}`, status: 422 },
    { name: "tokens: revoke an unknown id", method: "DELETE", url: "/api/v1/tokens/99999999", status: 404 },
    { name: "tokens: revoke id beyond 32 bits", method: "DELETE", url: "/api/v1/tokens/99999999999" },
    { name: "tokens: revoke with a write token", method: "DELETE", url: "/api/v1/tokens/1", token: "write", status: 403 },
  );

  const session: Row[] = [
    ["token missing", {}],
    ["token empty", { token: "" }],
    ["token of 201 characters", { token: "t".repeat(201) }],
    ["token a number", { token: 12345 }],
    ["unknown token", { token: "pvs_not_a_real_token" }, 401],
    ["token with the Bearer word", { token: `Bearer ${ADMIN_TOKEN}` }, 401],
    ["unknown field", { token: ADMIN_TOKEN, remember: true }],
  ];
  session.push(["body over 4 KiB", { token: "t".repeat(5000) }, 413]);
  for (const [name, body, status] of session) {
    cases.push({ name: `session: ${name}`, method: "POST", url: "/api/v1/session", body: json(body), token: "none", ...(status ? { status } : {}) });
  }

  // The admin's dashboard cookie, sent by a page on another site: refused before anything runs.
  const cookie = { cookie: `provscope_token=${ADMIN_TOKEN}` };
  const evil = { ...cookie, origin: "https://evil.example" };
  const crossSite = { ...cookie, "sec-fetch-site": "cross-site" };
  cases.push(
    { name: "cookie: batch from another origin", method: "POST", url: "/api/v1/batches", body: json({ batchId: `${s.prefix}-csrf`, ops: [{ op: "metrics", execution: s.execution, values: { csrf: 1 } }] }), token: "none", headers: evil, status: 403 },
    { name: "cookie: promote from a cross-site form", method: "POST", url: promoteUrl, body: json({ version: 2, reason: "csrf" }), token: "none", headers: crossSite, status: 403 },
    { name: "cookie: revoke the admin token from another origin", method: "DELETE", url: "/api/v1/tokens/1", token: "none", headers: evil, status: 403 },
    { name: "cookie: create a token from another origin", method: "POST", url: "/api/v1/tokens", body: newToken, token: "none", headers: evil, status: 403 },
    { name: "cookie: origin 'null' (sandboxed frame)", method: "POST", url: "/api/v1/tokens", body: newToken, token: "none", headers: { ...cookie, origin: "null" }, status: 403 },
    { name: "cookie: revoked-looking cookie value", method: "POST", url: "/api/v1/batches", body: json({ batchId: `${s.prefix}-c2`, ops: [] }), token: "none", headers: { cookie: "provscope_token=pvs_unknown_0000000000" }, status: 401 },
  );
  return cases;
}
