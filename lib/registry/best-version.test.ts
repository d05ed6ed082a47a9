import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { bestQuery } from "../schemas/registry";
import { createTestDb } from "../testing/test-db";
import { bestVersion } from "./best-version";
import { seedModel, uniqueName } from "./test-helpers";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

const best = (model: string, metric: string, mode?: string) => bestVersion(db, model, bestQuery.parse({ metric, mode }));

describe("bestVersion", () => {
  it("picks the lowest value with mode=min (the default) and the highest with mode=max", async () => {
    const model = uniqueName("best");
    const uuids = await seedModel(db, model, [0.5, 0.3, 0.4]);
    expect(await best(model, "test_loss")).toEqual({
      model,
      version: 2,
      metric: "test_loss",
      value: 0.3,
      mode: "min",
      artifact: { uri: `file:///m/${model}-2.pt`, hash: `sha256:${model}-v2`, size: 1001 },
      execution: { uuid: uuids[1] },
    });
    const max = await best(model, "test_loss", "max");
    expect(max).toMatchObject({ version: 1, value: 0.5, mode: "max", execution: { uuid: uuids[0] } });
  });

  it("breaks ties in favour of the newer version, in both modes", async () => {
    const model = uniqueName("tie");
    await seedModel(db, model, [0.3, 0.3, 0.5, 0.5]);
    expect((await best(model, "test_loss", "min")).version).toBe(2);
    expect((await best(model, "test_loss", "max")).version).toBe(4);
  });

  it("ignores non-finite values and versions without the metric", async () => {
    const model = uniqueName("nonfinite");
    await seedModel(db, model, ["-Infinity", 0.9, "NaN", null, 0.7, "Infinity"]);
    expect(await best(model, "test_loss", "min")).toMatchObject({ version: 5, value: 0.7 });
    expect(await best(model, "test_loss", "max")).toMatchObject({ version: 2, value: 0.9 });
  });

  it("answers 404 naming the metrics that exist when no version has the one asked for", async () => {
    const model = uniqueName("nometric");
    await seedModel(db, model, [0.4, null]);
    const err = await best(model, "val_loss").catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: "not_found" });
    expect((err as Error).message).toContain("'val_loss'");
    expect((err as Error).message).toContain("epochs, test_loss");
  });

  it("answers 404 for a model whose versions have no metrics at all, and for an unknown model", async () => {
    const model = uniqueName("bare");
    await seedModel(db, model, [null]);
    await expect(best(model, "test_loss")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("none of its versions") });
    await expect(best(uniqueName("missing"), "test_loss")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("unknown model") });
  });

  it("rejects a mode other than min or max", () => {
    expect(() => bestQuery.parse({ metric: "test_loss", mode: "median" })).toThrow();
    expect(() => bestQuery.parse({ mode: "min" })).toThrow();
  });
});
