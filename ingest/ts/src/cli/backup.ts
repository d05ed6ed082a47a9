// `provscope backup FILE` (over HTTP, admin token) and `provscope restore FILE --database PATH`
// (on the server's machine, server stopped).
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { isEnvelope, networkReason, ProvscopeError } from "../errors";
import { str, UsageError, type Command } from "./command";
import { restoreDatabase } from "./restore-db";

export const backupCommands: Command[] = [
  {
    name: "backup",
    usage: "FILE",
    summary: "download an online backup of the server's SQLite database (admin token; the server keeps running)",
    args: [1, 1],
    async run(ctx) {
      const file = ctx.args[0];
      const started = Date.now();
      const url = `${ctx.http.url}/api/v1/admin/backup`;
      let res: Response;
      try {
        res = await fetch(url, { headers: ctx.http.token ? { authorization: `Bearer ${ctx.http.token}` } : {} });
      } catch (err) {
        throw new ProvscopeError(`cannot connect to ${ctx.http.url} (${networkReason(err)}): is the server running? Set PROVSCOPE_URL or --url`, 0, "connection_failed", undefined, { cause: err });
      }
      if (!res.ok || !res.body) {
        const text = await res.text();
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // not the envelope
        }
        if (isEnvelope(body)) throw new ProvscopeError(`GET /api/v1/admin/backup → ${res.status} ${body.error.code}: ${body.error.message}`, res.status, body.error.code);
        throw new ProvscopeError(`GET /api/v1/admin/backup → HTTP ${res.status}: ${text.slice(0, 300)}`, res.status, "http_error");
      }
      // Written under a temporary name and renamed when complete: FILE is never a partial backup.
      const partial = `${file}.partial`;
      try {
        await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(partial));
        await rename(partial, file);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
      const bytes = Number(res.headers.get("content-length") ?? NaN);
      const data = { file, pages: Number(res.headers.get("x-provscope-backup-pages")), seconds: (Date.now() - started) / 1000 };
      ctx.out.result({ ...data, ...(Number.isFinite(bytes) ? { bytes } : {}) }, `backup written to ${file} (${data.pages} pages, checked, ${data.seconds.toFixed(1)} s)`);
    },
  },
  {
    name: "restore",
    usage: "FILE --database PATH",
    summary: "replace the SQLite database with a backup (server stopped; checks the backup, keeps the old file)",
    options: { database: { type: "string" } },
    args: [1, 1],
    async run(ctx) {
      const target = str(ctx.values, "database") ?? fromDatabaseUrl(process.env.DATABASE_URL);
      const r = await restoreDatabase(ctx.args[0], target);
      const counts = Object.entries(r.counts).map(([t, n]) => `${n} ${t}`).join(", ");
      ctx.out.result(r, [
        `restored ${r.database} from ${ctx.args[0]} (integrity ok: ${counts})`,
        r.previous ? `the replaced database is kept as ${r.previous}` : "there was no database there before",
        "start the server now; migrations newer than the backup are applied at start",
      ].join("\n"));
    },
  },
];

function fromDatabaseUrl(url: string | undefined): string {
  if (!url) throw new UsageError("--database PATH is required (or set DATABASE_URL=file:PATH as the server has it)");
  if (!url.startsWith("file:")) throw new UsageError("DATABASE_URL is not a SQLite file: restore covers SQLite only; for PostgreSQL use pg_restore");
  return url.slice("file:".length).split("?")[0];
}
