// `provscope pull` (a model version's bytes, verified) and `provscope blobs …` (the server's
// artifact file store: push a file, list the unreferenced ones, remove one; listing and removing
// need an admin token).
import { stat } from "node:fs/promises";
import path from "node:path";
import { Blobs } from "../blobs";
import { ProvscopeError } from "../errors";
import { describeRef, parseModelRef, pullModel } from "../pull";
import { str, UsageError, type Command } from "./command";
import { table } from "./output";
import { withRetry } from "./retrying";

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export const blobCommands: Command[] = [
  {
    name: "pull",
    usage: "MODEL@ALIAS | MODEL:VERSION | sha256:HEX [-o FILE]",
    summary: "download a model version's stored bytes and verify their sha256 (no file is left on a mismatch)",
    options: { out: { type: "string", short: "o" } },
    args: [1, 1],
    async run(ctx) {
      try {
        parseModelRef(ctx.args[0]);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const out = str(ctx.values, "out");
      const p = await withRetry(() => pullModel(ctx.http, ctx.args[0], out));
      ctx.out.result(p, `${describeRef(p)} ${p.digest} → ${path.relative(process.cwd(), p.file) || p.file} (${p.size} bytes, sha256 verified)`);
    },
  },
  {
    name: "blobs push",
    usage: "FILE",
    summary: "store a file's bytes on the server under its sha256 (skipped when stored already; over the limit it stays metadata-only)",
    args: [1, 1],
    async run(ctx) {
      const file = path.resolve(ctx.args[0]);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new UsageError(`${ctx.args[0]}: no such file`);
      const r = await new Blobs(ctx.http).upload(file);
      ctx.out.result(r, r.stored ? `${r.digest} ${r.uploaded ? "stored" : "already stored"} (${r.size} bytes)` : `${r.digest} not stored: ${r.reason}`);
      if (!r.stored) process.exitCode = 1;
    },
  },
  {
    name: "blobs unreferenced",
    usage: "",
    summary: "stored files no artifact's hash names: what `blobs rm` may remove (admin; never removed automatically)",
    args: [0, 0],
    async run(ctx) {
      const blobs = await withRetry(() => new Blobs(ctx.http).list(true));
      const total = blobs.reduce((n, b) => n + b.size, 0);
      ctx.out.result({ blobs, totalBytes: total }, () =>
        blobs.length ? `${table(blobs, ["digest", "size", "storedAt"])}\n${blobs.length} unreferenced, ${total} bytes` : "no unreferenced blobs",
      );
    },
  },
  {
    name: "blobs rm",
    usage: "DIGEST [--force]",
    summary: "remove one stored file (admin); --force when artifacts still name it (they become metadata-only)",
    options: { force: { type: "boolean" } },
    args: [1, 1],
    async run(ctx) {
      const digest = ctx.args[0];
      if (!DIGEST.test(digest)) throw new UsageError(`DIGEST must be sha256:<64 lowercase hex>, got '${digest}'`);
      try {
        const r = await new Blobs(ctx.http).remove(digest, ctx.values.force === true);
        ctx.out.result(r, `removed ${r.digest} (${r.size} bytes${r.artifacts ? `, named by ${r.artifacts} artifact(s), now metadata-only` : ""})`);
      } catch (err) {
        if (err instanceof ProvscopeError && err.status === 409) throw new ProvscopeError(`${err.message.replace(/force=1/, "--force")}`, 409, err.code);
        throw err;
      }
    },
  },
];
