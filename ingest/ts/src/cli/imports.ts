// `provscope import openlineage FILE…` and `provscope import cmf FILE`: existing metadata into
// Provscope through its interop endpoints (which map onto the same ingest ops).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { int, str, UsageError, type Command } from "./command";
import { withRetry } from "./retrying";

type Failure = { index: number; reason: string; code?: string };
type OlBatchResult = { summary: { received: number; successful: number; failed: number }; failed_events: Failure[] };

// A file holds one event, an array of events, or one event per line (JSON Lines).
export function parseEvents(text: string, file: string): unknown[] {
  try {
    const doc: unknown = JSON.parse(text);
    return Array.isArray(doc) ? doc : [doc];
  } catch {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    return lines.map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (err) {
        throw new UsageError(`${file}: neither JSON nor JSON Lines (line ${i + 1}: ${(err as Error).message})`);
      }
    });
  }
}

async function readText(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => {
    throw new UsageError(`${file}: cannot read the file`);
  });
}

export const importCommands: Command[] = [
  {
    name: "import openlineage",
    usage: "FILE… [--chunk N]",
    summary: "send OpenLineage events (a file holds one event, an array, or JSON Lines) in chunks of --chunk (default 500)",
    options: { chunk: { type: "string" } },
    args: [1, 100_000],
    async run(ctx) {
      const chunk = int(str(ctx.values, "chunk"), "--chunk", 1) ?? 500;
      const files = await Promise.all(ctx.args.map(async (f) => ({ file: f, events: parseEvents(await readText(f), f) })));
      const total = files.reduce((n, f) => n + f.events.length, 0);
      const bar = ctx.out.progress("importing", total);
      const failed: Array<Failure & { file: string }> = [];
      let successful = 0;
      for (const { file, events } of files) {
        for (let i = 0; i < events.length; i += chunk) {
          const part = events.slice(i, i + chunk);
          // Each event's ingest batch id derives from the event, so a retried chunk writes nothing twice.
          const res = await withRetry(() => ctx.http.request<OlBatchResult>("POST", "/api/v1/lineage/batch", { body: part }));
          successful += res.summary.successful;
          for (const f of res.failed_events) failed.push({ file, index: i + f.index, reason: f.reason, code: f.code });
          bar.advance(part.length);
        }
      }
      bar.finish();
      ctx.out.result({ files: files.length, received: total, successful, failed: failed.length, failed_events: failed }, () =>
        [`${successful} of ${total} events imported from ${files.length} file(s)`, ...failed.slice(0, 20).map((f) => `  ${f.file} event ${f.index}: ${f.reason}`), failed.length > 20 ? `  … and ${failed.length - 20} more` : ""].filter(Boolean).join("\n"),
      );
      if (failed.length) process.exitCode = 1;
    },
  },
  {
    name: "import cmf",
    usage: "FILE [--exec-uuid UUID]",
    summary: "push CMF metadata: a push request body, or the JSON of CMF's dumptojson (Pipeline: [...])",
    options: { "exec-uuid": { type: "string" } },
    args: [1, 1],
    async run(ctx) {
      const file = ctx.args[0];
      const body = cmfPushBody(parseEvents(await readText(file), file)[0], file, str(ctx.values, "exec-uuid"));
      const res = await withRetry(() => ctx.http.request<{ status: string }>("POST", "/api/mlmd_push", { body }));
      ctx.out.result(res, `${body.pipeline_name}: ${res.status}`);
    },
  },
];

export function cmfPushBody(doc: unknown, file: string, execUuid?: string) {
  const o = (doc ?? {}) as Record<string, unknown>;
  if (typeof o.json_payload === "string") return { ...o, ...(execUuid ? { exec_uuid: execUuid } : {}) } as { pipeline_name: string };
  const pipelines = o.Pipeline;
  if (!Array.isArray(pipelines) || pipelines.length === 0) {
    throw new UsageError(`${file}: expected a CMF push request ({"json_payload": …}) or a dumptojson document ({"Pipeline": [...]})`);
  }
  const name = (pipelines[0] as { name?: unknown }).name;
  return { exec_uuid: execUuid ?? null, pipeline_name: typeof name === "string" ? name : path.basename(file, ".json"), json_payload: JSON.stringify(doc) };
}
