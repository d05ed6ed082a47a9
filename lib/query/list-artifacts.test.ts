import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { artifactsQuery } from "../schemas/explore";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";
import { createTestDb } from "../testing/test-db";
import { listArtifacts } from "./list-artifacts";

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  const ops: IngestBatchInput["ops"] = [{ op: "execution.start", pipeline: "arts", stage: "s", execution: "arts-1" }];
  for (let i = 0; i < 6; i++) {
    ops.push({
      op: "artifact", execution: "arts-1", direction: i % 2 ? "input" : "output", type: i < 4 ? "dataset" : "model",
      name: `art-${i}`, hash: `sha256:${i}abc${i}`, ...(i === 5 ? {} : { uri: `file:///d/${i}.h5`, size: 100 * (6 - i) }),
    });
  }
  ops.push({ op: "model.version", model: "M", hash: "sha256:4abc4", execution: "arts-1" });
  await applyBatch(db, ingestBatchBody.parse({ batchId: "arts", ops }), "test");
});
afterAll(() => t.close());

const list = (q: Record<string, string>) => listArtifacts(db, artifactsQuery.parse(q));
const names = async (q: Record<string, string>) => (await list(q)).artifacts.map((a) => a.name);

describe("listArtifacts", () => {
  it("filters by type and text (name, uri, hash prefix)", async () => {
    expect(await names({ type: "model" })).toEqual(["art-5", "art-4"]);
    expect(await names({ q: "3ABC" })).toEqual(["art-3"]);
    expect(await names({ q: "/d/2." })).toEqual(["art-2"]);
    expect(await names({ q: "ART-1" })).toEqual(["art-1"]);
    expect(await names({ q: "art", type: "dataset", sort: "name" })).toEqual(["art-0", "art-1", "art-2", "art-3"]);
  });

  it("sorts with missing values last in both directions", async () => {
    expect(await names({ sort: "size" })).toEqual(["art-4", "art-3", "art-2", "art-1", "art-0", "art-5"]);
    expect(await names({ sort: "-size" })).toEqual(["art-0", "art-1", "art-2", "art-3", "art-4", "art-5"]);
  });

  it("pages with a cursor that carries the total, and reports usage and model versions", async () => {
    const first = await list({ sort: "name", limit: "4" });
    expect(first.total).toBe(6);
    const second = await list({ sort: "name", limit: "4", cursor: first.nextCursor! });
    expect(second).toMatchObject({ total: 6, nextCursor: null });
    expect(second.artifacts.map((a) => a.name)).toEqual(["art-4", "art-5"]);
    expect(second.artifacts[0]).toMatchObject({ producers: 1, consumers: 0, modelVersions: [{ model: "M", version: 1 }], size: 200 });
    expect(second.artifacts[1]).toMatchObject({ producers: 0, consumers: 1, uri: null, size: null });
    await expect(list({ cursor: "zz" })).rejects.toMatchObject({ status: 422, path: "cursor" });
  });
});
