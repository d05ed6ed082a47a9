// The artifact file store over HTTP: verified, deduplicated, interruptible uploads; range
// downloads; scopes; the admin's garbage listing and removal; artifacts that link to their bytes.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { test, expect, uniq, auth, getJson } from "../fixtures";

// The e2e server's PROVSCOPE_BLOB_DIR (playwright.config.ts exports it through E2E_BLOB_DIR;
// unset, the server uses its default, ./data/blobs of the repository).
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const BLOB_DIR = path.resolve(ROOT, process.env.E2E_BLOB_DIR ?? "data/blobs");

const digestOf = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const blobUrl = (d: string) => `/api/v1/blobs/${d}`;
const octets = { "content-type": "application/octet-stream" };

// Every file in the blob directory (stored blobs and temp files) whose name contains the hex.
function filesNamed(digest: string): string[] {
  const hex = digest.slice("sha256:".length);
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.includes(hex)) found.push(path.relative(BLOB_DIR, path.join(dir, e.name)));
    }
  };
  walk(BLOB_DIR);
  return found;
}

// A PUT whose connection is cut after `send` of the declared bytes, as a crashed client's would be.
function interruptedPut(baseURL: string, token: string, digest: string, body: Buffer, send: number): Promise<void> {
  const url = new URL(blobUrl(digest), baseURL);
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: "PUT", headers: { ...auth(token), ...octets, "content-length": String(body.length) } });
    req.on("error", () => resolve());
    req.on("response", (res) => {
      res.resume();
      resolve();
    });
    req.write(body.subarray(0, send), () => setTimeout(() => req.destroy(), 200));
  });
}

test.describe("blob store", () => {
  test("right hash: 201 and stored; same bytes again: 200 and no second copy", async ({ request, admin }) => {
    const bytes = randomBytes(300_000);
    const digest = digestOf(bytes);
    const first = await request.put(blobUrl(digest), { headers: { ...admin.headers, ...octets }, data: bytes });
    expect(first.status(), await first.text()).toBe(201);
    expect(await first.json()).toEqual({ digest, size: bytes.length, created: true });
    expect(first.headers()["x-provscope-max-blob-bytes"]).toMatch(/^\d+$/);
    const hex = digest.slice(7);
    expect(filesNamed(digest)).toEqual([path.join("sha256", hex.slice(0, 2), hex)]);
    const stored = statSync(path.join(BLOB_DIR, "sha256", hex.slice(0, 2), hex));

    const again = await request.put(blobUrl(digest), { headers: { ...admin.headers, ...octets }, data: bytes });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ digest, size: bytes.length, created: false });
    expect(filesNamed(digest)).toHaveLength(1);
    const after = statSync(path.join(BLOB_DIR, "sha256", hex.slice(0, 2), hex));
    expect([after.ino, after.mtimeMs]).toEqual([stored.ino, stored.mtimeMs]); // not rewritten

    const head = await request.head(blobUrl(digest), { headers: admin.headers });
    expect(head.status()).toBe(200);
    expect(head.headers()).toMatchObject({ etag: `"${digest}"`, "accept-ranges": "bytes", "x-provscope-blob-size": String(bytes.length) });
    const got = await request.get(blobUrl(digest), { headers: admin.headers });
    expect(got.status()).toBe(200);
    expect(Buffer.compare(await got.body(), bytes)).toBe(0);
  });

  test("wrong hash: 422 digest_mismatch and nothing stored", async ({ request, admin }) => {
    const bytes = randomBytes(100_000);
    const claimed = digestOf(randomBytes(32));
    const res = await request.put(blobUrl(claimed), { headers: { ...admin.headers, ...octets }, data: bytes });
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "digest_mismatch", path: "digest" });
    expect(body.error.message).toContain(`hash to ${digestOf(bytes)}, not ${claimed}; nothing was stored`);
    expect((await request.head(blobUrl(claimed), { headers: admin.headers })).status()).toBe(404);
    expect(filesNamed(claimed)).toEqual([]);
  });

  test("interrupted upload leaves nothing; the retry stores it", async ({ request, admin, baseURL }) => {
    const bytes = randomBytes(4 * 1024 * 1024);
    const digest = digestOf(bytes);
    await interruptedPut(baseURL!, admin.token, digest, bytes, 1024 * 1024);
    await expect.poll(() => filesNamed(digest), { timeout: 10_000 }).toEqual([]);
    expect((await request.head(blobUrl(digest), { headers: admin.headers })).status()).toBe(404);

    const retry = await request.put(blobUrl(digest), { headers: { ...admin.headers, ...octets }, data: bytes });
    expect(retry.status()).toBe(201);
    const got = await request.get(blobUrl(digest), { headers: admin.headers });
    expect(digestOf(await got.body())).toBe(digest);
  });

  test("range download: 206 with Content-Range, the last bytes, and 416 past the end", async ({ request, admin }) => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    const digest = digestOf(bytes);
    expect((await request.put(blobUrl(digest), { headers: { ...admin.headers, ...octets }, data: bytes })).status()).toBe(201);
    const mid = await request.get(blobUrl(digest), { headers: { ...admin.headers, range: "bytes=1048570-2097160" } });
    expect(mid.status()).toBe(206);
    expect(mid.headers()["content-range"]).toBe(`bytes 1048570-2097160/${bytes.length}`);
    expect(Buffer.compare(await mid.body(), bytes.subarray(1048570, 2097161))).toBe(0);
    const tail = await request.get(blobUrl(digest), { headers: { ...admin.headers, range: "bytes=-5" } });
    expect(tail.status()).toBe(206);
    expect(Buffer.compare(await tail.body(), bytes.subarray(bytes.length - 5))).toBe(0);
    const past = await request.get(blobUrl(digest), { headers: { ...admin.headers, range: `bytes=${bytes.length}-` } });
    expect(past.status()).toBe(416);
    expect(past.headers()["content-range"]).toBe(`bytes */${bytes.length}`);
    expect((await past.json()).error.code).toBe("range_not_satisfiable");
    const cached = await request.get(blobUrl(digest), { headers: { ...admin.headers, "if-none-match": `"${digest}"` } });
    expect(cached.status()).toBe(304);
  });

  test("a read token downloads but cannot upload; no token gets 401", async ({ request, tokenFor }) => {
    const bytes = randomBytes(10_000);
    const digest = digestOf(bytes);
    const read = await tokenFor("read");
    const refused = await request.put(blobUrl(digest), { headers: { ...auth(read), ...octets }, data: bytes });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(filesNamed(digest)).toEqual([]);
    const write = await tokenFor("write");
    expect((await request.put(blobUrl(digest), { headers: { ...auth(write), ...octets }, data: bytes })).status()).toBe(201);
    const got = await request.get(blobUrl(digest), { headers: auth(read) });
    expect(got.status()).toBe(200);
    expect(Buffer.compare(await got.body(), bytes)).toBe(0);
    expect((await request.get(blobUrl(digest))).status()).toBe(401);
  });

  test("a file over the limit is refused with 413 before its bytes are read", async ({ baseURL, admin }) => {
    const head = await fetch(new URL(blobUrl(digestOf(randomBytes(8))), baseURL), { method: "HEAD", headers: admin.headers });
    const limit = Number(head.headers.get("x-provscope-max-blob-bytes"));
    expect(limit).toBeGreaterThan(0);
    const url = new URL(blobUrl(digestOf(randomBytes(8))), baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: "PUT", headers: { ...admin.headers, ...octets, "content-length": String(limit + 1) } }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.write(Buffer.alloc(1024)); // only a little of the declared body; the answer comes anyway
    });
    expect(answer.status).toBe(413);
    const err = JSON.parse(answer.body).error;
    expect(err.code).toBe("too_large");
    expect(err.message).toContain("PROVSCOPE_MAX_BLOB_BYTES");
    expect(err.message).toContain("metadata-only");
  });

  for (const digest of ["sha256:XYZ", `sha256:${"A".repeat(64)}`, `md5:${"a".repeat(32)}`]) {
    test(`a malformed digest (${digest.slice(0, 12)}…) is 422 naming the path`, async ({ request, admin }) => {
      const res = await request.get(`/api/v1/blobs/${digest}`, { headers: admin.headers });
      expect(res.status()).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: "invalid", path: "digest" });
    });
  }
});

test.describe("artifacts and garbage", () => {
  test("an artifact whose hash is stored links its download; a metadata-only one has blob: null", async ({ request, admin, ingest }) => {
    const bytes = Buffer.from(`model weights ${uniq("w")}`);
    const digest = digestOf(bytes);
    const execution = uniq("blob-exec");
    const res = (await ingest([
      { op: "execution.start", pipeline: uniq("blobs"), stage: "train", execution },
      { op: "artifact", execution, direction: "output", type: "model", name: "stored", hash: digest, uri: "file:///models/stored.pt" },
      { op: "artifact", execution, direction: "output", type: "model", name: "elsewhere", hash: digestOf(randomBytes(16)), uri: "file:///lustre/big.pt" },
    ])) as { results: Array<{ artifactId?: number }> };
    const [storedId, elsewhereId] = [res.results[1].artifactId, res.results[2].artifactId];
    expect((await getJson(request, `/api/v1/artifacts/${storedId}`)).blob).toBeNull();
    expect((await request.put(blobUrl(digest), { headers: { ...admin.headers, ...octets }, data: bytes })).status()).toBe(201);
    expect((await getJson(request, `/api/v1/artifacts/${storedId}`)).blob).toEqual({ size: bytes.length, downloadUrl: blobUrl(digest) });
    expect((await getJson(request, `/api/v1/artifacts/${elsewhereId}`)).blob).toBeNull();
  });

  test("admin lists unreferenced blobs and removes them; referenced ones need force", async ({ request, admin, ingest, tokenFor }) => {
    const garbage = randomBytes(5000);
    const kept = randomBytes(6000);
    for (const b of [garbage, kept]) {
      expect((await request.put(blobUrl(digestOf(b)), { headers: { ...admin.headers, ...octets }, data: b })).status()).toBe(201);
    }
    const execution = uniq("blob-ref");
    await ingest([
      { op: "execution.start", pipeline: uniq("blobs"), stage: "s", execution },
      { op: "artifact", execution, direction: "input", type: "dataset", name: "kept", hash: digestOf(kept) },
    ]);
    const all: Array<{ digest: string; artifacts: number }> = [];
    let after: string | null = null;
    do {
      const page: { blobs: typeof all; next: string | null } = await getJson(request, `/api/v1/blobs?unreferenced=1&limit=10000${after ? `&after=${after}` : ""}`);
      all.push(...page.blobs);
      after = page.next;
    } while (after);
    const digests = all.map((b) => b.digest);
    expect(digests).toContain(digestOf(garbage));
    expect(digests).not.toContain(digestOf(kept));
    expect((await request.get("/api/v1/blobs?unreferenced=1", { headers: auth(await tokenFor("write")) })).status()).toBe(403);

    const refused = await request.delete(blobUrl(digestOf(kept)), { headers: admin.headers });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain("force=1");
    const removed = await request.delete(blobUrl(digestOf(garbage)), { headers: admin.headers });
    expect(removed.status()).toBe(200);
    expect(await removed.json()).toMatchObject({ digest: digestOf(garbage), deleted: true, artifacts: 0 });
    expect((await request.head(blobUrl(digestOf(garbage)), { headers: admin.headers })).status()).toBe(404);
    expect((await request.delete(blobUrl(digestOf(kept)) + "?force=1", { headers: admin.headers })).status()).toBe(200);
    expect(filesNamed(digestOf(kept))).toEqual([]);
  });
});
