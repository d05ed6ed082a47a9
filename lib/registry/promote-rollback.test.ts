import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createTestDb } from "../testing/test-db";
import { aliasHistory } from "./alias-history";
import { getAlias } from "./get-alias";
import { promote } from "./promote";
import { rollback } from "./rollback";
import { seedModel, uniqueName } from "./test-helpers";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const alias = "deployed";
const up = (model: string, version: number, actor = "alice") => promote(db, { model, alias, version, reason: `promote ${version}`, actor });
const back = (model: string, version?: number) => rollback(db, { model, alias, version, reason: `back ${version ?? "prev"}`, actor: "bob" });
const current = async (model: string) => (await getAlias(db, model, alias)).version;
async function seeded(versions = 3) {
  const model = uniqueName("reg");
  await seedModel(db, model, Array.from({ length: versions }, (_, i) => 0.5 - i * 0.1));
  return model;
}

describe("promote and rollback", () => {
  it("records promotes and walks rollbacks back through earlier versions (3 → 2 → 1)", async () => {
    const model = await seeded();
    const first = await up(model, 1);
    expect(first).toMatchObject({ model, alias, version: 1, change: { from: null, to: 1, action: "promote", actor: "alice" } });
    expect(first.artifact).toEqual({ uri: `file:///m/${model}-1.pt`, hash: `sha256:${model}-v1`, size: 1000 });
    await up(model, 2);
    await up(model, 3);

    expect(await back(model)).toMatchObject({ version: 2, change: { from: 3, to: 2, action: "rollback", actor: "bob" } });
    expect(await back(model)).toMatchObject({ version: 1, change: { from: 2, to: 1 } });
    await expect(back(model)).rejects.toMatchObject({ status: 422, code: "no_previous_version" });
    expect(await current(model)).toBe(1);

    const { changes } = await aliasHistory(db, model, alias);
    expect(changes.map((c) => [c.action, c.from, c.to, c.reason, c.actor])).toEqual([
      ["promote", null, 1, "promote 1", "alice"],
      ["promote", 1, 2, "promote 2", "alice"],
      ["promote", 2, 3, "promote 3", "alice"],
      ["rollback", 3, 2, "back prev", "bob"],
      ["rollback", 2, 1, "back prev", "bob"],
    ]);
    expect(changes.map((c) => c.id)).toEqual([...changes.map((c) => c.id)].sort((a, b) => a - b));
  });

  it("rolls back to an explicit version, popping the stack to it", async () => {
    const model = await seeded(4);
    for (const v of [1, 2, 3, 4]) await up(model, v);
    expect(await back(model, 2)).toMatchObject({ version: 2, change: { from: 4, to: 2, reason: "back 2" } });
    expect(await back(model)).toMatchObject({ version: 1 });
  });

  it("pushes an explicit version the alias never pointed at, so the next rollback returns", async () => {
    const model = await seeded(3);
    await up(model, 2);
    await up(model, 3);
    expect(await back(model, 1)).toMatchObject({ version: 1, change: { from: 3, to: 1 } });
    expect(await back(model)).toMatchObject({ version: 3, change: { from: 1, to: 3 } });
    expect(await back(model)).toMatchObject({ version: 2 });
  });

  it("continues the stack after a promote that follows a rollback", async () => {
    const model = await seeded(4);
    for (const v of [1, 2, 3]) await up(model, v);
    await back(model);
    await up(model, 4);
    expect(await back(model)).toMatchObject({ version: 2 });
    expect(await back(model)).toMatchObject({ version: 1 });
  });

  it("treats promoting the current version as a no-op that records nothing", async () => {
    const model = await seeded(2);
    await up(model, 2);
    const again = await up(model, 2);
    expect(again).toMatchObject({ version: 2, change: null });
    expect((await aliasHistory(db, model, alias)).changes).toHaveLength(1);
  });

  it.each([
    { name: "promote of an unknown version", run: (m: string) => up(m, 9), status: 404, text: "has no version 9" },
    { name: "promote of an unknown model", run: () => up(uniqueName("nope"), 1), status: 404, text: "unknown model" },
    { name: "rollback of an unset alias", run: (m: string) => back(m), status: 404, text: "is not set" },
  ])("$name → $status and writes nothing", async ({ run, status, text }) => {
    const model = await seeded(1);
    await expect(run(model)).rejects.toMatchObject({ status, message: expect.stringContaining(text) });
    expect(await db.aliasChange.count({ where: { model: { name: model } } })).toBe(0);
    expect(await db.modelAlias.count({ where: { model: { name: model } } })).toBe(0);
  });

  it("rejects a rollback to the current version (422) or to an unknown one (404), writing nothing", async () => {
    const model = await seeded(2);
    await up(model, 1);
    await up(model, 2);
    await expect(back(model, 2)).rejects.toMatchObject({ status: 422, code: "already_current", path: "version" });
    await expect(back(model, 7)).rejects.toMatchObject({ status: 404, message: expect.stringContaining("versions are 1..2") });
    expect((await aliasHistory(db, model, alias)).changes).toHaveLength(2);
    expect(await current(model)).toBe(2);
  });

  it("answers 422 no_previous_version after a single promote", async () => {
    const model = await seeded(1);
    await up(model, 1);
    await expect(back(model)).rejects.toMatchObject({ status: 422, code: "no_previous_version" });
  });

  it("never loses an update under concurrent promotes: the history is one unbroken chain", async () => {
    const model = await seeded(3);
    const targets = Array.from({ length: 24 }, (_, i) => (i % 3) + 1);
    const results = await Promise.all(targets.map((v, i) => up(model, v, `w${i}`)));
    const { changes } = await aliasHistory(db, model, alias);
    expect(changes.length).toBe(results.filter((r) => r.change !== null).length);
    for (let i = 1; i < changes.length; i++) expect(changes[i].from).toBe(changes[i - 1].to);
    expect(changes[0].from).toBeNull();
    expect(await current(model)).toBe(changes[changes.length - 1].to);
  });

  it("keeps aliases of one model independent", async () => {
    const model = await seeded(2);
    await up(model, 2);
    await promote(db, { model, alias: "staging", version: 1, reason: "try", actor: "c" });
    expect(await current(model)).toBe(2);
    expect((await getAlias(db, model, "staging")).version).toBe(1);
    await expect(back(model)).rejects.toMatchObject({ code: "no_previous_version" });
  });
});
