import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { ingestBatchBody } from "../schemas/ingest";
import { searchQuery } from "../schemas/explore";
import { createTestDb } from "../testing/test-db";
import { search } from "./search";
import { hashRanges } from "./text-match";

let t: ReturnType<typeof createTestDb>;
let db: Db;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  await applyBatch(
    db,
    ingestBatchBody.parse({
      batchId: "search",
      ops: [
        { op: "execution.start", pipeline: "cl-eke", stage: "train", execution: "6f1c2d3e-aaaa", name: "train EKE-ResNet it1" },
        { op: "artifact", execution: "6f1c2d3e-aaaa", direction: "input", type: "dataset", name: "ood-dataset", uri: "file:///data/ood_100%.h5", hash: "sha256:3fa9c0ffee" },
        { op: "artifact", execution: "6f1c2d3e-aaaa", direction: "output", type: "model", name: "EKE-ResNet", uri: "file:///models/r1.pt", hash: "sha256:beef0001" },
        { op: "model.version", model: "EKE-ResNet", hash: "sha256:beef0001", execution: "6f1c2d3e-aaaa" },
        { op: "execution.start", pipeline: "other", stage: "simulate", execution: "sim-1", name: "simulate ood" },
      ],
    }),
    "test",
  );
});
afterAll(() => t.close());

const find = (q: string, limit = "6") => search(db, searchQuery.parse({ q, limit }));

describe("search", () => {
  it("finds an artifact by the hex prefix of its hash, with or without the algorithm", async () => {
    for (const q of ["3fa9c", "sha256:3fa9", "3FA9C0"]) {
      const r = await find(q);
      expect(r.artifacts.map((a) => [a.name, a.match]), q).toEqual([["ood-dataset", "hash"]]);
    }
    expect((await find("3fa")).artifacts).toEqual([]); // too short to be a hash prefix
  });

  it("groups matches by kind", async () => {
    const r = await find("eke");
    expect(r.pipelines).toEqual([{ name: "cl-eke", executions: 1 }]);
    expect(r.executions.map((e) => e.name)).toEqual(["train EKE-ResNet it1"]);
    expect(r.artifacts.map((a) => a.name)).toEqual(["EKE-ResNet"]);
    expect(r.models).toEqual([{ name: "EKE-ResNet", versions: 1, latestVersion: 1 }]);
    expect((await find("simul")).stages).toEqual([{ pipeline: "other", name: "simulate", executions: 1 }]);
  });

  it("finds executions by uuid prefix, artifacts by uri, versions by 'name vN' and by hash", async () => {
    expect((await find("6f1c2")).executions.map((e) => e.uuid)).toEqual(["6f1c2d3e-aaaa"]);
    expect((await find("models/r1")).artifacts.map((a) => [a.name, a.match])).toEqual([["EKE-ResNet", "uri"]]);
    expect((await find("EKE-ResNet v1")).versions.map((v) => [v.model, v.version])).toEqual([["EKE-ResNet", 1]]);
    expect((await find("beef0")).versions.map((v) => [v.model, v.version, v.hash])).toEqual([["EKE-ResNet", 1, "sha256:beef0001"]]);
    expect((await find("EKE-ResNet v2")).versions).toEqual([]);
  });

  it("treats LIKE wildcards in the text literally", async () => {
    expect((await find("100%")).artifacts.map((a) => a.name)).toEqual(["ood-dataset"]);
    expect((await find("%")).artifacts.map((a) => a.name)).toEqual(["ood-dataset"]);
    expect((await find("_")).executions).toEqual([]);
  });

  it("bounds every kind by the limit", async () => {
    const r = await find("o", "1");
    for (const kind of ["pipelines", "stages", "executions", "artifacts", "models", "versions"] as const) expect(r[kind].length).toBeLessThanOrEqual(1);
  });
});

describe("hashRanges", () => {
  it("tries common algorithms for bare hex and keeps an explicit one", () => {
    expect(hashRanges("ABCD").map((r) => r.gte)).toEqual(["abcd", "sha256:abcd", "sha1:abcd", "sha512:abcd", "md5:abcd", "blake2b:abcd", "blake3:abcd"]);
    expect(hashRanges("MD5:ab12")).toEqual([{ gte: "md5:ab12", lt: "md5:ab12\uffff" }]);
    expect(hashRanges("resnet")).toEqual([]);
    expect(hashRanges("md5:ab")).toEqual([]);
  });
});
