import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createTestDb } from "../testing/test-db";
import { aliasHistory } from "./alias-history";
import { getAlias } from "./get-alias";
import { getModel } from "./get-model";
import { modelsQuery } from "../schemas/registry";
import { listModels } from "./list-models";
import { promote } from "./promote";
import { removeAlias } from "./remove-alias";
import { seedModel, uniqueName } from "./test-helpers";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

describe("registry reads", () => {
  it("lists models with version count, latest version and aliases", async () => {
    const model = uniqueName("list");
    await seedModel(db, model, [0.4, 0.3, 0.2]);
    await promote(db, { model, alias: "deployed", version: 2, reason: "r", actor: "a" });
    const entry = (await listModels(db)).models.find((m) => m.name === model);
    expect(entry).toMatchObject({ name: model, versions: 3, latestVersion: 3, aliases: { deployed: 2 } });
  });

  it("filters models by a name fragment, sorts by any column and pages by cursor without overlap", async () => {
    const tag = uniqueName("tbl");
    // Registered in this order; version counts 2, 3, 1.
    await seedModel(db, `${tag}-b`, [0.4, 0.3]);
    await seedModel(db, `${tag}-C`, [0.4, 0.3, 0.2]);
    await seedModel(db, `${tag}-a`, [0.4]);
    const list = (q: Record<string, unknown>) => listModels(db, modelsQuery.parse({ q: tag.toUpperCase(), ...q }));

    const byName = await list({});
    expect(byName.total).toBe(3); // the fragment matches whatever the case
    expect(byName.models.map((m) => m.name)).toEqual([`${tag}-C`, `${tag}-a`, `${tag}-b`]);
    expect((await list({ sort: "-versions" })).models.map((m) => m.versions)).toEqual([3, 2, 1]);
    expect((await list({ sort: "createdAt:desc" })).models.map((m) => m.name)).toEqual([`${tag}-a`, `${tag}-C`, `${tag}-b`]);

    const first = await list({ sort: "versions", limit: 2 });
    expect(first.models.map((m) => m.versions)).toEqual([1, 2]);
    expect(first.total).toBe(3);
    const second = await list({ sort: "versions", limit: 2, cursor: first.nextCursor });
    expect(second.models.map((m) => m.versions)).toEqual([3]);
    expect(second.nextCursor).toBeNull();
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ status: 422 });
  });

  it("returns a model's versions with artifact, execution, metrics (non-finite as strings) and inputs", async () => {
    const model = uniqueName("get");
    const uuids = await seedModel(db, model, [0.4, "NaN", null]);
    await promote(db, { model, alias: "deployed", version: 1, reason: "r", actor: "a" });
    const got = await getModel(db, model);
    expect(got.name).toBe(model);
    expect(got.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const [v1, v2, v3] = got.versions;
    expect(v1.artifact).toMatchObject({ name: model, uri: `file:///m/${model}-1.pt`, hash: `sha256:${model}-v1`, size: 1000 });
    expect(v1.execution).toEqual({ uuid: uuids[0], name: `train ${model} 1`, status: "COMPLETED", stage: "train", pipeline: `p-${model}` });
    expect(v1.metrics).toEqual({ epochs: 10, test_loss: 0.4 });
    expect(v2.metrics).toEqual({ epochs: 11, test_loss: "NaN" });
    expect(v3.metrics).toEqual({});
    expect(v1.inputs).toEqual([{ id: expect.any(Number), name: `data-${model}`, type: "dataset", hash: "sha256:data-0" }]);
    expect(got.aliases).toEqual([{ alias: "deployed", version: 1, updatedAt: expect.any(String) }]);
    expect(got.removedAliases).toEqual([]);
  });

  it("lists the aliases that are removed now, with the latest removal", async () => {
    const model = uniqueName("removed");
    await seedModel(db, model, [0.4, 0.3]);
    const set = (alias: string, version: number) => promote(db, { model, alias, version, reason: "r", actor: "alice" });
    const remove = (alias: string, reason: string) => removeAlias(db, { model, alias, reason, actor: "bob" });
    await set("staging", 1);
    await remove("staging", "first retirement");
    await set("staging", 2);
    await remove("staging", "retired for good");
    await set("deployed", 1);
    await remove("deployed", "rolled out elsewhere");
    await set("deployed", 2); // set again: an alias, not a removed one
    await set("canary", 2);
    await remove("canary", "done");
    const got = await getModel(db, model);
    expect(got.aliases.map((a) => a.alias)).toEqual(["deployed"]);
    expect(got.removedAliases).toEqual([
      { alias: "canary", lastVersion: 2, removedAt: expect.any(String), actor: "bob", reason: "done" },
      { alias: "staging", lastVersion: 2, removedAt: expect.any(String), actor: "bob", reason: "retired for good" },
    ]);
  });

  it("answers 404 for unknown models and unset aliases, naming the aliases that exist", async () => {
    const model = uniqueName("missing");
    await seedModel(db, model, [0.1]);
    await expect(getModel(db, uniqueName("nope"))).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(getAlias(db, model, "deployed")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("no aliases yet") });
    await promote(db, { model, alias: "staging", version: 1, reason: "r", actor: "a" });
    await expect(getAlias(db, model, "deployed")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("'staging'") });
    await expect(aliasHistory(db, model, "deployed")).rejects.toMatchObject({ status: 404 });
    expect(await getAlias(db, model, "staging")).toMatchObject({ model, alias: "staging", version: 1, artifact: { hash: `sha256:${model}-v1` } });
  });
});
