import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provider } from "../db/sql";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { createBackup, sqliteFile } from "./backup";

// Backups copy the SQLite file; on PostgreSQL the endpoint answers 409 (use pg_dump), tested e2e.
const onSqlite = provider() === "sqlite";
let t: ReturnType<typeof createTestDb>;

beforeAll(async () => {
  if (!onSqlite) return;
  t = createTestDb();
  const ops = [
    { op: "execution.start", pipeline: "p", stage: "s", execution: "e1" },
    { op: "series", execution: "e1", key: "loss", steps: [1, 2, 3], values: [0.3, 0.2, 0.1] },
  ];
  await applyBatch(t.db, ingestBatchBody.parse({ batchId: "b1", ops }), "test");
});
afterAll(() => t?.close());

async function download(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) parts.push(chunk);
  return Buffer.concat(parts);
}

describe.runIf(onSqlite)("createBackup", () => {
  it("copies the database into a self-contained, checked file and leaves nothing behind", async () => {
    const backup = await createBackup(t.file, new Date("2026-11-22T10:00:00Z"));
    expect(backup.filename).toBe("provscope-backup-2026-11-22T10-00-00-000Z.db");
    const bytes = await download(backup.stream);
    expect(bytes.length).toBe(backup.bytes);
    expect(bytes.subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000");

    const out = path.join(tmpdir(), `provscope-backup-test-${process.pid}.db`);
    await writeFile(out, bytes);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.prepare(`SELECT count(*) AS n FROM "IngestBatch"`).get()).toEqual({ n: 1 });
    expect(copy.prepare(`SELECT "count" FROM "Series"`).get()).toEqual({ count: 3 });
    copy.close();
    // The temporary copy beside the database is gone (unlinked while being streamed).
    const dir = await import("node:fs/promises").then((fs) => fs.readdir(path.dirname(t.file)));
    expect(dir.filter((f) => f.startsWith(".provscope-backup-"))).toEqual([]);
    expect((await readFile(out)).length).toBe(backup.bytes);
  });

  it("names pg_dump when the database is PostgreSQL", () => {
    expect(() => sqliteFile("postgresql://u@h/db")).toThrow(/for PostgreSQL use pg_dump/);
    expect(sqliteFile("file:./data/x.db?connection_limit=1")).toBe(path.resolve("data/x.db"));
  });

  it("fails with a clear message when the database file is missing", async () => {
    await expect(createBackup(path.join(tmpdir(), "no-such-provscope.db"))).rejects.toThrow(/backup failed/);
  });
});
