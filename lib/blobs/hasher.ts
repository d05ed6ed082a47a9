// sha256 of an upload as it streams. With cores to spare, a large upload is hashed on a worker
// thread, so hashing (the biggest CPU cost of an upload, ~1.5 s per GiB) overlaps receiving and
// writing the bytes instead of adding to them. It costs ~25% more CPU in all (measured: 3.0 vs
// 2.3 s per GiB), which a 2-core machine cannot give, so there, and for small uploads, it is inline.
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export type Hasher = {
  update(chunk: Uint8Array): void | Promise<void>; // a promise: wait, the worker is behind
  digest(): Promise<string>;
  dispose(): void;
};

export const WORKER_MIN_BYTES = 16 << 20;
const MAX_QUEUED_BYTES = 32 << 20; // what may wait for the worker before the reader pauses
const MESSAGE_BYTES = 1 << 20; // network chunks gathered into ~1 MiB messages

// Plain JavaScript, evaluated as the worker's source: no file for the bundler to find.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = require("node:crypto").createHash("sha256");
parentPort.on("message", (m) => {
  if (m === "digest") parentPort.postMessage({ digest: hash.digest("hex") });
  else { hash.update(m); parentPort.postMessage({ done: m.byteLength }); }
});`;

const SPARE_CORES = availableParallelism() >= 4;

export function createHasher(expectedSize: number | undefined, parallel = SPARE_CORES): Hasher {
  return parallel && expectedSize !== undefined && expectedSize >= WORKER_MIN_BYTES ? workerHasher() : inlineHasher();
}

function inlineHasher(): Hasher {
  const hash = createHash("sha256");
  return {
    update: (chunk) => void hash.update(chunk),
    digest: async () => `sha256:${hash.digest("hex")}`,
    dispose: () => undefined,
  };
}

function workerHasher(): Hasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let queued = 0;
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  let finish: ((digest: string) => void) | null = null;
  const release = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on("message", (m: { done?: number; digest?: string }) => {
    if (m.done !== undefined) {
      queued -= m.done;
      if (queued <= MAX_QUEUED_BYTES / 2) release();
    } else if (m.digest !== undefined) finish?.(`sha256:${m.digest}`);
  });
  worker.on("error", (err) => {
    failed = err;
    release();
  });
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  const post = () => {
    if (!partBytes) return;
    queued += partBytes;
    const batch = Buffer.concat(parts, partBytes);
    // A batch that owns its whole memory moves to the worker without a copy.
    const own = batch.byteOffset === 0 && batch.buffer.byteLength === batch.byteLength;
    worker.postMessage(batch, own ? [batch.buffer as ArrayBuffer] : []);
    parts = [];
    partBytes = 0;
  };
  return {
    update(chunk) {
      if (failed) throw failed;
      parts.push(chunk);
      partBytes += chunk.byteLength;
      if (partBytes >= MESSAGE_BYTES) post();
      if (queued < MAX_QUEUED_BYTES) return;
      return new Promise<void>((resolve) => (wake = resolve)).then(() => {
        if (failed) throw failed;
      });
    },
    digest() {
      if (failed) return Promise.reject(failed);
      return new Promise<string>((resolve, reject) => {
        finish = resolve;
        worker.once("error", reject);
        post();
        worker.postMessage("digest");
      });
    },
    dispose: () => void worker.terminate(),
  };
}
