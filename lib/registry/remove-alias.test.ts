import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createTestDb } from "../testing/test-db";
import { aliasHistory } from "./alias-history";
import { createModel } from "./create-model";
import { getAlias } from "./get-alias";
import { getModel } from "./get-model";
import { promote } from "./promote";
import { removeAlias } from "./remove-alias";
import { rollback } from "./rollback";
import { seedModel, uniqueName } from "./test-helpers";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const alias = "champion";
const up = (model: string, version: number) => promote(db, { model, alias, version, reason: `up ${version}`, actor: "alice" });
const remove = (model: string) => removeAlias(db, { model, alias, reason: "retired", actor: "bob" });

describe("removeAlias", () => {
  it("unsets the alias and records the removal in the history", async () => {
    const model = uniqueName("rm");
    await seedModel(db, model, [0.5, 0.4]);
    await up(model, 1);
    await up(model, 2);

    const removed = await remove(model);
    expect(removed).toMatchObject({ model, alias, removed: 2, change: { from: 2, to: null, action: "remove", reason: "retired", actor: "bob" } });
    await expect(getAlias(db, model, alias)).rejects.toMatchObject({ status: 404, message: expect.stringContaining("is not set") });
    expect((await getModel(db, model)).aliases).toEqual([]);

    const { changes } = await aliasHistory(db, model, alias);
    expect(changes.map((c) => [c.action, c.from, c.to])).toEqual([
      ["promote", null, 1],
      ["promote", 1, 2],
      ["remove", 2, null],
    ]);
  });

  it("starts the alias over: no rollback to versions from before the removal", async () => {
    const model = uniqueName("rm-restart");
    await seedModel(db, model, [0.5, 0.4, 0.3]);
    await up(model, 1);
    await remove(model);
    await expect(rollback(db, { model, alias, reason: "r", actor: "c" })).rejects.toMatchObject({ status: 404 });

    const again = await up(model, 3);
    expect(again.change).toMatchObject({ from: null, to: 3 });
    await expect(rollback(db, { model, alias, reason: "r", actor: "c" })).rejects.toMatchObject({ code: "no_previous_version" });
  });

  it("records nothing when the alias is not set, and 404s for an unknown model", async () => {
    const model = uniqueName("rm-unset");
    await seedModel(db, model, [0.5]);
    expect(await remove(model)).toEqual({ model, alias, removed: null, change: null });
    expect(await db.aliasChange.count({ where: { model: { name: model } } })).toBe(0);
    await expect(remove(uniqueName("nope"))).rejects.toMatchObject({ status: 404, message: expect.stringContaining("unknown model") });
  });
});

describe("createModel", () => {
  it("registers a name without versions and refuses a second create", async () => {
    const name = uniqueName("empty");
    expect(await createModel(db, name)).toMatchObject({ name });
    expect(await getModel(db, name)).toMatchObject({ name, versions: [], aliases: [] });
    await expect(createModel(db, name)).rejects.toMatchObject({ status: 409, code: "model_exists" });
  });
});
