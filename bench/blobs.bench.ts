// Artifact file store throughput: a 1 GiB file uploaded (PUT, sha256-verified on the fly, synced
// to disk) and downloaded (GET into a file) through a real production server, beside `cp` of the
// same file in the same run (and cp + fsync, the same durability as an acknowledged upload). While each transfer runs, the Next.js server's resident memory is
// sampled every 25 ms: streaming keeps it flat instead of growing by the file's size.
import { spawnSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { startServer } from "./server";
import type { BenchRow } from "./table";

const SIZE = Number(process.env.BLOB_BENCH_BYTES ?? 1024 ** 3);
const MB = 1e6;

// Every phase starts with no dirty pages waiting for the disk, so none pays for the one before.
const settleDisk = () => spawnSync("sync");

function writeRandomFile(file: string): string {
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(8 << 20);
  const hash = createHash("sha256");
  for (let left = SIZE; left > 0; left -= chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, left));
    randomFillSync(part);
    hash.update(part);
    writeSync(fd, part);
  }
  closeSync(fd);
  return `sha256:${hash.digest("hex")}`;
}

// The pid listening on `port` (the Next.js server under scripts/start.mjs): /proc/net/tcp gives the
// socket's inode, and the process holding that socket is the one whose memory we watch.
function listenerPid(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error(`blobs bench: no process found listening on port ${port}`);
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1000;

// Runs `work` while sampling the server's RSS; returns the seconds it took and the peak RSS.
async function watched(pid: number, work: () => Promise<void>): Promise<{ seconds: number; peakMB: number }> {
  let peakMB = rssMB(pid);
  const timer = setInterval(() => (peakMB = Math.max(peakMB, rssMB(pid))), 25);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { seconds: (performance.now() - t0) / 1000, peakMB: Math.max(peakMB, rssMB(pid)) };
}

function upload(url: string, token: string, digest: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/blobs/${digest}`, {
      method: "PUT",
      agent: false, // a fresh connection: a pooled one may have idled out on the server meanwhile
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream", "content-length": String(SIZE) },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => (res.statusCode === 201 ? resolve() : reject(new Error(`blobs bench: PUT → ${res.statusCode}: ${body.slice(0, 300)}`))));
    });
    req.on("error", reject);
    pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), req).catch(reject);
  });
}

function download(url: string, token: string, digest: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(`${url}/api/v1/blobs/${digest}`, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`blobs bench: GET → ${res.statusCode}`));
      pipeline(res, createWriteStream(file, { highWaterMark: 1 << 20 })).then(resolve, reject);
    })
      .on("error", reject)
      .end();
  });
}

export default async function blobsBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "provscope-bench-blobs-"));
  try {
    const source = path.join(dir, "model.bin");
    const digest = writeRandomFile(source);
    // cp's speed swings with what else the disk is doing, so each transfer gets its own cp,
    // measured just before it under the same conditions.
    // `durable`: cp, then fsync of the copy (`sync FILE`), which is what the upload promises.
    const cp = (durable = false) => {
      settleDisk();
      const copy = path.join(dir, "copy.bin");
      const t0 = performance.now();
      const r = spawnSync("cp", [source, copy]);
      if (r.status !== 0) throw new Error(`blobs bench: cp failed: ${r.stderr}`);
      if (durable) spawnSync("sync", [copy]);
      const seconds = (performance.now() - t0) / 1000;
      rmSync(copy);
      settleDisk();
      return SIZE / MB / seconds;
    };
    const hashed = await (async () => {
      const t0 = performance.now();
      const h = createHash("sha256");
      for await (const c of createReadStream(source, { highWaterMark: 1 << 20 })) h.update(c as Buffer);
      h.digest();
      return SIZE / MB / ((performance.now() - t0) / 1000);
    })();

    const server = await startServer({ PROVSCOPE_BLOB_DIR: path.join(dir, "store") });
    try {
      const pid = listenerPid(Number(new URL(server.url).port));
      // Warm-up: route module load and JIT, on a small file.
      const small = Buffer.from("warm-up");
      const smallDigest = `sha256:${createHash("sha256").update(small).digest("hex")}`;
      await fetch(`${server.url}/api/v1/blobs/${smallDigest}`, { method: "PUT", headers: { authorization: `Bearer ${server.token}` }, body: small });
      await (await fetch(`${server.url}/api/v1/blobs/${smallDigest}`, { headers: { authorization: `Bearer ${server.token}` } })).arrayBuffer();
      const before = rssMB(pid);
      const cpUp = cp();
      const cpDurable = cp(true);

      const withLog = (what: string) => (err: unknown) => {
        throw new Error(`blobs bench: ${what} failed (${(err as Error).message}); server log:\n${server.log().split("\n").slice(-25).join("\n")}`);
      };
      const cpu0 = server.cpuSeconds();
      const up = await watched(pid, () => upload(server.url, server.token, digest, source)).catch(withLog("upload"));
      const upCpu = server.cpuSeconds() - cpu0;
      const out = path.join(dir, "pulled.bin");
      const cpDown = cp();
      const cpu1 = server.cpuSeconds();
      const down = await watched(pid, () => download(server.url, server.token, digest, out)).catch(withLog("download"));
      const downCpu = server.cpuSeconds() - cpu1;
      const perGiB = 1024 ** 3 / SIZE;
      const gib = (SIZE / 1024 ** 3).toFixed(SIZE % 1024 ** 3 ? 2 : 0);
      return [
        { measure: `blobs: upload ${gib} GiB (PUT, sha256-verified, fsync)`, value: SIZE / MB / up.seconds, unit: "MB/s", baseline: { label: "cp", value: cpUp }, target: "≥ 0.5× cp" },
        { measure: `blobs: download ${gib} GiB (GET into a file)`, value: SIZE / MB / down.seconds, unit: "MB/s", baseline: { label: "cp", value: cpDown }, target: "≥ 0.5× cp" },
        { measure: "blobs: cp + fsync of the copy (what an upload promises)", value: cpDurable, unit: "MB/s", baseline: { label: "cp", value: cpUp } },
        { measure: "blobs: sha256 of the file, this process (bounds the upload)", value: hashed, unit: "MB/s" },
        // CPU per GiB stays comparable when other work shares the machine, unlike MB/s.
        { measure: "blobs: server CPU per GiB uploaded", value: upCpu * perGiB, unit: "s", baseline: { label: "sha256 alone", value: (1024 ** 3 / MB) / hashed } },
        { measure: "blobs: server CPU per GiB downloaded", value: downCpu * perGiB, unit: "s" },
        { measure: "blobs: server peak RSS during the upload", value: up.peakMB, unit: "MB", baseline: { label: "before", value: before }, target: `flat (file: ${Math.round(SIZE / MB)} MB)` },
        { measure: "blobs: server peak RSS during the download", value: down.peakMB, unit: "MB", baseline: { label: "before", value: before }, target: `flat (file: ${Math.round(SIZE / MB)} MB)` },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
