import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { applyBatch } from "../../ingest/apply-batch";
import { subgraph } from "../../lineage/subgraph";
import { ingestBatchBody, type IngestBatchInput } from "../../schemas/ingest";
import type { Lineage } from "../../schemas/lineage";
import { createTestDb } from "../../testing/test-db";
import { provProblems } from "./prov-structure";
import { localName, MAX_DERIVATIONS, toProvJson } from "./to-prov-json";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  // simulate → data → train (also reads its own config) → model; train is still running.
  const ops: IngestBatchInput["ops"] = [
    { op: "execution.start", pipeline: "cl eke", stage: "simulate", execution: "prov-sim", startedAt: "2026-01-01T10:00:00Z" },
    { op: "artifact", execution: "prov-sim", direction: "output", type: "dataset", name: "data", hash: "sha256:d", uri: "file:///d.h5", size: 10 },
    { op: "execution.end", execution: "prov-sim", status: "COMPLETED", endedAt: "2026-01-01T11:00:00Z" },
    { op: "execution.start", pipeline: "cl eke", stage: "train", execution: "prov-train", startedAt: "2026-01-01T12:00:00Z" },
    { op: "artifact", execution: "prov-train", direction: "input", type: "dataset", name: "data", hash: "sha256:d" },
    { op: "artifact", execution: "prov-train", direction: "input", type: "other", name: "config", hash: "sha256:c" },
    { op: "artifact", execution: "prov-train", direction: "output", type: "model", name: "resnet", hash: "sha256:m" },
  ];
  await applyBatch(db, ingestBatchBody.parse({ batchId: "prov-1", ops }), "test");
});
afterAll(() => t.close());

const lineage = () => subgraph(db, { node: { kind: "execution", uuid: "prov-train" }, direction: "both", depth: 3, maxNodes: 100 });

describe("toProvJson", () => {
  it("maps a stored subgraph onto a structurally valid PROV-JSON document", async () => {
    const doc = toProvJson(await lineage(), { baseUrl: "http://h:3000/" });
    expect(provProblems(doc)).toEqual([]);
    expect(doc.prefix).toMatchObject({ artifact: "http://h:3000/api/v1/artifacts/", execution: "http://h:3000/api/v1/executions/" });
    expect(Object.keys(doc.entity)).toHaveLength(3);
    expect(Object.keys(doc.activity).sort()).toEqual(["execution:prov-sim", "execution:prov-train"]);
    expect(doc.activity["execution:prov-sim"]).toMatchObject({ "prov:startTime": "2026-01-01T10:00:00.000Z", "prov:endTime": "2026-01-01T11:00:00.000Z", "pvs:status": "COMPLETED", "pvs:stage": "simulate" });
    expect(doc.activity["execution:prov-train"]["prov:endTime"]).toBeUndefined();
    expect(Object.values(doc.entity).find((e) => e["prov:label"] === "data")).toMatchObject({ "pvs:uri": { $: "file:///d.h5", type: "xsd:anyURI" }, "pvs:size": 10 });
    expect(doc.agent).toEqual({ "pipeline:cl%20eke": { "prov:type": { $: "prov:SoftwareAgent", type: "prov:QUALIFIED_NAME" }, "prov:label": "cl eke" } });
    expect(Object.values(doc.wasAssociatedWith)).toHaveLength(2);
    expect(Object.values(doc.used)).toHaveLength(2);
    expect(Object.values(doc.wasGeneratedBy)).toHaveLength(2);
    // The model derives from each input (data, config) of the execution that produced it.
    const model = Object.entries(doc.entity).find(([, e]) => e["prov:label"] === "resnet")![0];
    const derived = Object.values(doc.wasDerivedFrom);
    expect(derived).toHaveLength(2);
    for (const d of derived) expect(d).toMatchObject({ "prov:generatedEntity": model, "prov:activity": "execution:prov-train" });
    expect(doc.wasDerivedFrom[Object.keys(doc.wasDerivedFrom)[0]]["prov:generation"]).toMatch(/^_:g/);
  });

  it("omits the derivations of an execution that would produce too many", () => {
    const n = Math.ceil(Math.sqrt(MAX_DERIVATIONS)) + 1;
    const at = "2026-01-01T00:00:00.000Z";
    const art = (i: number) => ({ id: `artifact:${i}`, kind: "artifact" as const, type: "dataset", label: `a${i}`, artifactId: i, hash: `h${i}`, uri: null, size: null, createdAt: at, modelVersions: [], hidden: { up: 0, down: 0 } });
    const g: Lineage = {
      focus: "execution:x",
      truncated: false,
      nodes: [
        { id: "execution:x", kind: "execution", type: "s", label: "x", uuid: "x", status: "COMPLETED", pipeline: "p", stage: "s", startedAt: at, endedAt: at, hidden: { up: 0, down: 0 } },
        ...Array.from({ length: 2 * n }, (_, i) => art(i + 1)),
      ],
      edges: Array.from({ length: 2 * n }, (_, i) =>
        i < n ? { source: `artifact:${i + 1}`, target: "execution:x", kind: "input" as const } : { source: "execution:x", target: `artifact:${i + 1}`, kind: "output" as const },
      ),
    };
    const doc = toProvJson(g);
    expect(Object.keys(doc.wasDerivedFrom)).toHaveLength(0);
    expect(doc.activity["execution:x"]["pvs:derivationsOmitted"]).toBe(n * n);
    expect(provProblems(doc)).toEqual([]);
  });

  it("escapes local names PROV-N does not allow", () => {
    expect(localName("abc-1.2:x")).toBe("abc-1.2:x");
    expect(localName("-a.")).toBe("%2Da%2E");
    expect(localName("a b/ü")).toBe("a%20b%2F%C3%BC");
  });
});

describe("provProblems", () => {
  it("finds missing keys, dangling references, undeclared prefixes and bad times", async () => {
    const doc = toProvJson(await lineage());
    const used = Object.keys(doc.used)[0];
    const broken = structuredClone(doc) as unknown as Record<string, Record<string, Record<string, unknown>>>;
    delete broken.used[used]["prov:entity"];
    broken.wasGeneratedBy[Object.keys(doc.wasGeneratedBy)[0]]["prov:activity"] = "execution:nope";
    broken.entity["nope:x"] = {};
    broken.activity["execution:prov-sim"]["prov:startTime"] = "yesterday";
    broken.extra = {};
    const problems = provProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        `used ${used}: prov:entity is required`,
        expect.stringMatching(/wasGeneratedBy _:g\d+: prov:activity execution:nope is not an identifier in activity/),
        "entity nope:x: the identifier's prefix is not declared",
        "activity execution:prov-sim: prov:startTime must be an xsd:dateTime",
        "unknown top-level key extra",
      ]),
    );
  });
});
