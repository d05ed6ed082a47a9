import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { loadAnswers } from "./load-answers";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

describe("loadAnswers", () => {
  it("answers every request by key and reports the failed ones instead of throwing", async () => {
    const r = await applyBatch(
      db,
      ingestBatchBody.parse({
        batchId: "b1",
        ops: [
          { op: "execution.start", pipeline: "p", stage: "train", execution: "x1" },
          { op: "artifact", execution: "x1", direction: "input", type: "dataset", name: "d", hash: "sha256:d" },
        ],
      }),
      "test",
    );
    const data = `artifact:${r.results[1].artifactId as number}`;
    const out = await loadAnswers(db, [
      { key: "down", node: data, direction: "down", depth: 1 },
      { key: "ghost", node: "execution:nope", direction: "up", depth: 1 },
      { key: "early", node: data, direction: "down", depth: 1, asOf: "2000-01-01T00:00:00Z" },
    ]);
    expect(out.answers.down.nodes.map((n) => n.id)).toEqual([data, "execution:x1"]);
    expect(Object.keys(out.answers)).toEqual(["down"]);
    expect(out.errors.ghost).toMatchObject({ status: 404, code: "not_found" });
    expect(out.errors.early.message).toContain("did not exist yet");
  });
});
