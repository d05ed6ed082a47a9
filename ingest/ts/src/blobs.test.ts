import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Blobs } from "./blobs";
import { HttpClient } from "./client";
import { Provscope } from "./provscope";
import { parseModelRef, pullModel } from "./pull";

const digestOf = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

// A stand-in for the blob routes and the batch endpoint: a limit, a store, and knobs for refusing.
class BlobServer {
  limit = 1024;
  store = new Map<string, Buffer>();
  puts: string[] = [];
  ops: Array<Record<string, unknown>> = [];
  tamper = false;
  refuse413 = false;
  private server: Server | null = null;
  url = "";

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const body = Buffer.concat(parts);
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "x-provscope-max-blob-bytes": String(this.limit) });
      res.end(JSON.stringify(data));
    };
    if (req.url === "/api/v1/batches") {
      const b = JSON.parse(body.toString()) as { batchId: string; ops: Array<Record<string, unknown>> };
      this.ops.push(...b.ops);
      return json(200, { batchId: b.batchId, applied: b.ops.length, results: [] });
    }
    const digest = decodeURIComponent(req.url!.slice("/api/v1/blobs/".length));
    if (req.method === "PUT") {
      this.puts.push(digest);
      if (this.refuse413) return json(413, { error: { code: "too_large", message: "over the limit: stays metadata-only" } });
      if (digestOf(body) !== digest) return json(422, { error: { code: "digest_mismatch", message: "wrong bytes" } });
      this.store.set(digest, body);
      return json(201, { digest, size: body.length, created: true });
    }
    const data = this.store.get(digest);
    if (!data) return json(404, { error: { code: "not_found", message: "no stored file" } });
    res.writeHead(200, { "x-provscope-blob-size": String(data.length), "x-provscope-max-blob-bytes": String(this.limit) });
    res.end(req.method === "HEAD" ? undefined : this.tamper ? Buffer.concat([data.subarray(1), Buffer.from("!")]) : data);
  }
}

let srv: BlobServer;
let dir: string;
beforeAll(async () => {
  srv = new BlobServer();
  await srv.start();
});
afterAll(() => srv.stop());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "provscope-sdk-blobs-"));
  Object.assign(srv, { limit: 1024, puts: [], ops: [], tamper: false, refuse413: false });
  srv.store.clear();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function client() {
  return new Provscope({ url: srv.url, token: "t", flushOnExit: false, flushIntervalMs: 10 });
}

describe("logModel(path)", () => {
  it("hashes the file, uploads its bytes and logs the artifact with hash, size and uri", async () => {
    const file = path.join(dir, "it1.pt");
    writeFileSync(file, "small model");
    const ps = client();
    const logged = await ps.pipeline("p").stage("train").execution().logModel("output", file);
    await ps.close();
    expect(logged).toMatchObject({ name: "it1.pt", hash: digestOf(Buffer.from("small model")), size: 11, stored: true, uploaded: true });
    expect(srv.store.get(logged.hash)?.toString()).toBe("small model");
    expect(srv.ops.find((o) => o.op === "artifact")).toMatchObject({ type: "model", direction: "output", name: "it1.pt", hash: logged.hash, size: 11, uri: `file://${file}` });
  });

  it("sends nothing when the server has the bytes already", async () => {
    const file = path.join(dir, "same.pt");
    writeFileSync(file, "same");
    srv.store.set(digestOf(Buffer.from("same")), Buffer.from("same"));
    const ps = client();
    expect(await ps.pipeline("p").stage("s").execution().logModel("output", file)).toMatchObject({ stored: true, uploaded: false });
    await ps.close();
    expect(srv.puts).toEqual([]);
  });

  it("over the server's limit (or refused with 413) logs metadata-only, with a warning that says where the bytes are", async () => {
    const big = path.join(dir, "big.pt");
    writeFileSync(big, Buffer.alloc(2000));
    const warnings: string[] = [];
    const ps = client();
    const run = ps.pipeline("p").stage("s").execution();
    const logged = await run.logModel("output", big, { name: "EKE", onWarning: (m) => warnings.push(m) });
    expect(logged).toMatchObject({ name: "EKE", size: 2000, stored: false, reason: expect.stringContaining("over the server's limit of 1024") });
    expect(srv.puts).toEqual([]); // never sent
    srv.refuse413 = true;
    const small = path.join(dir, "small.pt");
    writeFileSync(small, "x");
    expect(await run.logDataset("input", small, { onWarning: (m) => warnings.push(m) })).toMatchObject({ stored: false, reason: expect.stringContaining("413") });
    await ps.close();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`its bytes stay at file://${big}`);
    expect(srv.ops.filter((o) => o.op === "artifact").map((o) => o.name)).toEqual(["EKE", "small.pt"]);
  });
});

describe("download and pull", () => {
  it("writes verified bytes; a mismatch leaves no file", async () => {
    const bytes = Buffer.from("checkpoint bytes".repeat(1000));
    const digest = digestOf(bytes);
    srv.store.set(digest, bytes);
    const blobs = new Blobs(new HttpClient({ url: srv.url, token: "t" }));
    const out = path.join(dir, "model.pt");
    expect(await blobs.download(digest, out)).toEqual({ digest, size: bytes.length, file: out });
    expect(readFileSync(out).equals(bytes)).toBe(true);
    srv.tamper = true;
    const other = path.join(dir, "tampered.pt");
    await expect(blobs.download(digest, other)).rejects.toMatchObject({ code: "digest_mismatch" });
    expect(readdirSync(dir)).toEqual(["model.pt"]);
  });

  it("says where a metadata-only version's bytes live", async () => {
    const http = new HttpClient({ url: srv.url, token: "t" });
    await expect(pullModel(http, `sha256:${"0".repeat(64)}`, path.join(dir, "x"))).rejects.toMatchObject({ status: 404, code: "metadata_only" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["EKE-ResNet@deployed", { model: "EKE-ResNet", alias: "deployed" }],
    ["EKE-ResNet:3", { model: "EKE-ResNet", version: 3 }],
    ["ns:model@prod", { model: "ns:model", alias: "prod" }],
    ["a@b:12", { model: "a@b", version: 12 }],
    [`sha256:${"a".repeat(64)}`, { digest: `sha256:${"a".repeat(64)}` }],
  ])("reads the reference %s", (ref, expected) => {
    expect(parseModelRef(ref)).toEqual(expected);
  });

  it.each(["EKE-ResNet", "@deployed", "model@", "m:x"])("refuses the reference %s", (ref) => {
    expect(() => parseModelRef(ref)).toThrow(/MODEL@ALIAS/);
  });
});
