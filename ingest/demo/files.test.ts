import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WorkDir } from "./files";
import { NF } from "./features";

describe("work directory", () => {
  it("writes dataset rows as features then log EKE, and leaves no temporary files", () => {
    const w = new WorkDir(mkdtempSync(path.join(tmpdir(), "demo-files-")));
    const x = Float64Array.from({ length: 2 * NF }, (_, i) => i);
    const file = w.dataset("d.f64", { rows: 2, x, y: Float64Array.from([10, 20]) });
    const bytes = readFileSync(file);
    expect(Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8))).toEqual([0, 1, 2, 3, 10, 4, 5, 6, 7, 20]);
    w.json("m.json", { a: 1 });
    expect(readdirSync(w.dir).sort()).toEqual(["d.f64", "m.json"]);
  });
});
