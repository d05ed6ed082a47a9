// `provscope log …`: the SDK's ops for shell scripts, one batch per call (see send.ts).
import { stat } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { ARTIFACT_TYPES } from "../../../../lib/schemas/ingest";
import { Blobs } from "../blobs";
import { ProvscopeError } from "../errors";
import { hashFile } from "../hash";
import { Provscope } from "../provscope";
import { int, keyValues, number, oneOf, required, str, UsageError, type Command, type Context } from "./command";
import { sendOps } from "./send";

const EXEC_ENV = "PROVSCOPE_EXECUTION";
const execution = (ctx: Context) => required(ctx.values, "execution", EXEC_ENV);
const props = { property: { type: "string", multiple: true } } as const;
const exec = { execution: { type: "string", short: "e" } } as const;

async function ok(ctx: Context, ops: Parameters<typeof sendOps>[1]) {
  const res = await sendOps(ctx.http, ops);
  ctx.out.result(res, "");
}

export const logCommands: Command[] = [
  {
    name: "log start",
    usage: "--pipeline P --stage S [--execution ID] [--name N] [--param K=V]… [--property K=V]… [--parent ID]",
    summary: "start an execution; prints its id (export it as PROVSCOPE_EXECUTION for the other log commands)",
    options: { pipeline: { type: "string" }, stage: { type: "string" }, name: { type: "string" }, param: { type: "string", multiple: true }, parent: { type: "string" }, ...props, ...exec },
    args: [0, 0],
    async run(ctx) {
      const { values } = ctx;
      const uuid = str(values, "execution") ?? randomUUID();
      const params = keyValues(values.param as string[] | undefined, "--param");
      const properties = keyValues(values.property as string[] | undefined, "--property");
      const op = {
        op: "execution.start" as const, pipeline: required(values, "pipeline"), stage: required(values, "stage"), execution: uuid,
        ...(str(values, "name") ? { name: str(values, "name") } : {}), ...(params ? { params } : {}), ...(properties ? { properties } : {}),
        ...(str(values, "parent") ? { parent: str(values, "parent") } : {}),
      };
      const res = await sendOps(ctx.http, [op]);
      ctx.out.result({ execution: uuid, ...res }, uuid);
    },
  },
  {
    name: "log metric",
    usage: "KEY STEP VALUE [--rank R] [--execution ID]",
    summary: "one point of a step metric (NaN, Infinity, -Infinity allowed)",
    options: { rank: { type: "string" }, ...exec },
    args: [3, 3],
    run: (ctx) => {
      const [key, step, value] = ctx.args;
      const v = number(value, "VALUE");
      const out = Number.isFinite(v) ? v : Number.isNaN(v) ? ("NaN" as const) : v > 0 ? ("Infinity" as const) : ("-Infinity" as const);
      return ok(ctx, [{ op: "series", execution: execution(ctx), key, rank: int(str(ctx.values, "rank"), "--rank") ?? 0, steps: [int(step, "STEP")!], values: [out] }]);
    },
  },
  {
    name: "log series",
    usage: "KEY [--rank R] [--execution ID] < lines of 'STEP VALUE'",
    summary: "stream a step metric from stdin through the SDK's batching (e.g. ./sim | provscope log series residual)",
    options: { rank: { type: "string" }, ...exec },
    args: [1, 1],
    async run(ctx) {
      const ps = new Provscope({ url: ctx.http.url, token: ctx.http.token, flushOnExit: false });
      const run = ps.attach(execution(ctx));
      const rank = int(str(ctx.values, "rank"), "--rank") ?? 0;
      let n = 0;
      for await (const line of createInterface({ input: process.stdin })) {
        const parts = line.trim().split(/[\s,]+/);
        if (parts.length < 2 || parts[0] === "") continue;
        const wait = run.logMetric(ctx.args[0], int(parts[0], `STEP on line ${n + 1}`)!, number(parts[1], `VALUE on line ${n + 1}`), rank);
        if (wait) await wait;
        n++;
      }
      await ps.close({ timeoutMs: 1000 * Math.max(30, Number(process.env.PROVSCOPE_RETRY_SECONDS ?? 0)) });
      ctx.out.result({ points: n, ...ps.stats() }, "");
    },
  },
  {
    name: "log metrics",
    usage: "KEY=VALUE… [--execution ID]",
    summary: "final scalar metrics of the execution (e.g. test_loss=0.31)",
    options: { ...exec },
    args: [1, 1000],
    run: (ctx) => {
      const values: Record<string, number | "NaN" | "Infinity" | "-Infinity"> = {};
      for (const [k, v] of Object.entries(keyValues(ctx.args, "a metric")!)) {
        if (typeof v !== "number" && v !== "NaN" && v !== "Infinity" && v !== "-Infinity") throw new UsageError(`metric ${k} must be a number, got '${String(v)}'`);
        values[k] = v;
      }
      return ok(ctx, [{ op: "metrics", execution: execution(ctx), values }]);
    },
  },
  {
    name: "log artifact",
    usage: "input|output TYPE NAME (--hash H | --file PATH [--metadata-only]) [--uri U] [--size BYTES] [--property K=V]… [--execution ID]",
    summary: `an input or output of the execution; TYPE is one of ${ARTIFACT_TYPES.join(", ")}; --file hashes a file (sha256) and uploads its bytes when the server takes them`,
    options: { hash: { type: "string" }, file: { type: "string" }, uri: { type: "string" }, size: { type: "string" }, "metadata-only": { type: "boolean" }, ...props, ...exec },
    args: [3, 3],
    async run(ctx) {
      const [dir, type, name] = ctx.args;
      const { values } = ctx;
      const file = str(values, "file");
      let hash = str(values, "hash");
      let uri = str(values, "uri");
      let size = int(str(values, "size"), "--size");
      if (file) {
        const abs = path.resolve(file);
        const info = await stat(abs).catch(() => {
          throw new UsageError(`--file ${file}: no such file`);
        });
        const hashed = hash === undefined;
        hash ??= await hashFile(abs);
        size ??= info.size;
        uri ??= `file://${abs}`;
        if (hashed && values["metadata-only"] !== true) await uploadFile(ctx, abs, hash, info.size, uri);
      }
      if (!hash) throw new UsageError("--hash or --file is required: artifacts are identified by their content hash");
      const properties = keyValues(values.property as string[] | undefined, "--property");
      return ok(ctx, [{
        op: "artifact", execution: execution(ctx), direction: oneOf(dir, ["input", "output"] as const, "the direction"),
        type: oneOf(type, ARTIFACT_TYPES, "TYPE"), name, hash, ...(uri ? { uri } : {}), ...(size !== undefined ? { size } : {}), ...(properties ? { properties } : {}),
      }]);
    },
  },
  {
    name: "log end",
    usage: "[COMPLETED|FAILED] [--execution ID]",
    summary: "end the execution (default COMPLETED)",
    options: { ...exec },
    args: [0, 1],
    run: (ctx) => ok(ctx, [{ op: "execution.end", execution: execution(ctx), status: oneOf(ctx.args[0] ?? "COMPLETED", ["COMPLETED", "FAILED"] as const, "the status") }]),
  },
];

// The file's bytes to the server's store; when it will not take them the artifact is still logged,
// metadata-only, with a note on stderr.
async function uploadFile(ctx: Context, file: string, digest: string, size: number, uri: string) {
  let reason: string | undefined;
  try {
    const r = await new Blobs(ctx.http).upload(file, { digest, size });
    reason = r.stored ? undefined : r.reason;
  } catch (err) {
    if (!(err instanceof ProvscopeError)) throw err;
    reason = err.message;
  }
  if (reason) ctx.out.note(`provscope: ${path.basename(file)} is logged metadata-only, its bytes stay at ${uri}: ${reason}`);
}
