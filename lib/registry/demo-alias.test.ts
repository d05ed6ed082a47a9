import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { loadBuiltinDemo } from "../demo/builtin-demo";
import { createTestDb } from "../testing/test-db";
import { aliasHistory } from "./alias-history";
import { getAlias } from "./get-alias";
import { promote } from "./promote";

let t: ReturnType<typeof createTestDb>;
let db: Db;
beforeAll(() => {
  t = createTestDb();
  db = t.db;
});
afterAll(() => t.close());

describe("built-in demo", () => {
  it("deploys EKE-Bottleneck version 2 once and leaves a moved alias alone", async () => {
    await loadBuiltinDemo(db);
    expect(await getAlias(db, "EKE-Bottleneck", "deployed")).toMatchObject({ version: 2 });
    const first = await aliasHistory(db, "EKE-Bottleneck", "deployed");
    expect(first.changes).toEqual([
      expect.objectContaining({ from: null, to: 2, action: "promote", reason: "test_loss below threshold (demo)", actor: "demo" }),
    ]);

    await promote(db, { model: "EKE-Bottleneck", alias: "deployed", version: 1, reason: "operator", actor: "op" });
    await loadBuiltinDemo(db);
    expect(await getAlias(db, "EKE-Bottleneck", "deployed")).toMatchObject({ version: 1 });
    expect((await aliasHistory(db, "EKE-Bottleneck", "deployed")).changes).toHaveLength(2);
  });
});
