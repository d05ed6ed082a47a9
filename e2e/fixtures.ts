import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { ADMIN_TOKEN } from "../playwright.config";
import type { IngestBatchInput } from "../lib/schemas/ingest";

export { expect };

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

// Every test makes its own uniquely named data through the public API.
export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

type Fixtures = {
  admin: { token: string; headers: Record<string, string> };
  tokenFor: (scope: "read" | "write" | "admin") => Promise<string>;
  ingest: (ops: IngestBatchInput["ops"], batchId?: string) => Promise<unknown>;
};

export const test = base.extend<Fixtures>({
  // Browser tests start signed in (the session cookie the sign-in page would set).
  context: async ({ context, baseURL }, use) => {
    await context.addCookies([{ name: "provscope_token", value: ADMIN_TOKEN, url: baseURL! }]);
    await use(context);
  },
  admin: async ({}, use) => use({ token: ADMIN_TOKEN, headers: auth(ADMIN_TOKEN) }),
  tokenFor: async ({ request }, use) =>
    use(async (scope) => {
      const res = await request.post("/api/v1/tokens", { headers: auth(ADMIN_TOKEN), data: { name: uniq(`e2e-${scope}`), scope } });
      expect(res.status()).toBe(201);
      return (await res.json()).token as string;
    }),
  ingest: async ({ request }, use) =>
    use(async (ops, batchId = uniq("batch")) => {
      const send = () => request.post("/api/v1/batches", { headers: auth(ADMIN_TOKEN), data: { batchId, ops } });
      // A kept-alive connection the server closed after idling (5 s) resets the next request on
      // it; like every Provscope client, send the batch again under the same batchId, which
      // stores it once.
      const res = await send().catch((err: Error) => {
        if (!/ECONNRESET|socket hang up/.test(err.message)) throw err;
        return send();
      });
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    }),
});

export async function getJson(request: APIRequestContext, url: string) {
  const res = await request.get(url, { headers: auth(ADMIN_TOKEN) });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}
