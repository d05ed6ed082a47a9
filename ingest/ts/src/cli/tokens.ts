// `provscope token create|list|revoke` (admin scope) and `provscope status`.
import { oneOf, required, int, type Command } from "./command";
import { table } from "./output";
import { withRetry } from "./retrying";

type TokenRow = { id: number; name: string; scope: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export const tokenCommands: Command[] = [
  {
    name: "token create",
    usage: "NAME --scope read|write|admin",
    summary: "create an API token; prints the secret, which is shown only this once",
    options: { scope: { type: "string" } },
    args: [1, 1],
    async run(ctx) {
      const scope = oneOf(required(ctx.values, "scope"), ["read", "write", "admin"] as const, "--scope");
      const t = await ctx.http.request<TokenRow & { token: string }>("POST", "/api/v1/tokens", { body: { name: ctx.args[0], scope } });
      ctx.out.result(t, t.token);
      ctx.out.note(`token ${t.id} '${t.name}' (${t.scope}) created; the secret above is not stored anywhere, keep it now`);
    },
  },
  {
    name: "token list",
    usage: "",
    summary: "list API tokens (never their secrets)",
    args: [0, 0],
    async run(ctx) {
      const { tokens } = await withRetry(() => ctx.http.request<{ tokens: TokenRow[] }>("GET", "/api/v1/tokens"));
      const rows = tokens.map((t) => ({ ...t, prefix: `${t.prefix}…`, state: t.revokedAt ? "revoked" : "active" }));
      ctx.out.result({ tokens }, () => table(rows, ["id", "name", "scope", "prefix", "state", "createdAt", "lastUsedAt"]));
    },
  },
  {
    name: "token revoke",
    usage: "ID",
    summary: "revoke a token: it stops authenticating at once",
    args: [1, 1],
    async run(ctx) {
      const id = int(ctx.args[0], "ID", 1)!;
      const t = await withRetry(() => ctx.http.request<TokenRow>("DELETE", `/api/v1/tokens/${id}`));
      ctx.out.result(t, `token ${t.id} '${t.name}' revoked`);
    },
  },
  {
    name: "status",
    usage: "",
    summary: "is the server up, and who is the token",
    args: [0, 0],
    async run(ctx) {
      const health = await ctx.http.request<{ ok: boolean }>("GET", "/api/health");
      const who = ctx.http.token ? await ctx.http.request<{ name: string | null; scope: string | null }>("GET", "/api/v1/session") : null;
      const data = { url: ctx.http.url, ok: health.ok, token: who };
      ctx.out.result(data, [
        `server  ${ctx.http.url}  ${health.ok ? "ok" : "not ready"}`,
        `token   ${who ? `${who.name} (${who.scope})` : "none (set PROVSCOPE_TOKEN or --token)"}`,
      ].join("\n"));
    },
  },
];
