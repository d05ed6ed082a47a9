import { describe, expect, it } from "vitest";
import { ingestBatchBody } from "../../schemas/ingest";
import { mergeParams, mergeTags, metricOps } from "./run-ops";

const m = (key: string, value: number | "NaN", step: number, timestamp?: number) => ({ key, value, step, timestamp });

describe("metricOps", () => {
  it("writes one series op per key and the latest value as the execution metric", () => {
    const ops = metricOps("r1", [m("loss", 0.9, 0, 1000), m("acc", 0.5, 0, 1000), m("loss", 0.7, 1, 2000)], new Map());
    expect(ops).toEqual([
      { op: "series", execution: "r1", key: "loss", steps: [0, 1], values: [0.9, 0.7], times: [1000, 2000] },
      { op: "series", execution: "r1", key: "acc", steps: [0], values: [0.5], times: [1000] },
      { op: "metrics", execution: "r1", values: { loss: 0.7, acc: 0.5 } },
    ]);
    expect(() => ingestBatchBody.parse({ batchId: "b", ops })).not.toThrow();
  });

  it("sorts unsorted steps and puts a repeated step into a later op, keeping the order they were logged in", () => {
    const ops = metricOps("r1", [m("x", 3, 2, 10), m("x", 1, 0, 11), m("x", 2, 2, 12), m("x", "NaN", 1, 13)], new Map());
    expect(ops.slice(0, 2)).toEqual([
      { op: "series", execution: "r1", key: "x", steps: [0, 1, 2], values: [1, "NaN", 3], times: [11, 13, 10] },
      { op: "series", execution: "r1", key: "x", steps: [2], values: [2], times: [12] },
    ]);
    expect(ops[2]).toEqual({ op: "metrics", execution: "r1", values: { x: 2 } }); // step 2, latest time
    expect(() => ingestBatchBody.parse({ batchId: "b", ops })).not.toThrow();
  });

  it("leaves the execution metric alone when an older step arrives after a newer one", () => {
    const ops = metricOps("r1", [m("loss", 0.1, 3, 5)], new Map([["loss", 10]]));
    expect(ops).toEqual([{ op: "series", execution: "r1", key: "loss", steps: [3], values: [0.1], times: [5] }]);
  });

  it("stamps points without a timestamp with the current time and refuses negative steps", () => {
    expect(metricOps("r1", [m("a", 1, 0)], new Map(), 777)[0]).toMatchObject({ times: [777] });
    expect(() => metricOps("r1", [m("a", 1, -1, 5)], new Map())).toThrow(expect.objectContaining({ code: "INVALID_PARAMETER_VALUE" }));
  });
});

describe("mergeParams", () => {
  it("adds new params, converting unambiguous numbers, and ignores a repeated identical value", () => {
    expect(mergeParams("r", { a: "x" }, [{ key: "lr", value: "0.01" }, { key: "v", value: "1.0" }, { key: "a", value: "x" }])).toEqual({ a: "x", lr: 0.01, v: "1.0" });
    expect(mergeParams("r", { lr: 0.01 }, [{ key: "lr", value: "0.01" }])).toBeNull();
  });

  it("refuses to change a logged param, as MLflow does", () => {
    expect(() => mergeParams("r", { lr: 0.01 }, [{ key: "lr", value: "0.02" }])).toThrow(
      expect.objectContaining({ code: "INVALID_PARAMETER_VALUE", message: expect.stringContaining("Changing param values is not allowed") }),
    );
    expect(() => mergeParams("r", {}, [{ key: "k", value: "1" }, { key: "k", value: "2" }])).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe("mergeTags", () => {
  it("overwrites tags (the last value wins) and keeps other properties", () => {
    const merged = mergeTags({ host: "n01", tags: { a: "1" } }, new Map([["a", "1"]]), [{ key: "a", value: "2" }, { key: "b", value: "3" }, { key: "a", value: "4" }]);
    expect(merged).toEqual({ host: "n01", tags: { a: "4", b: "3" } });
  });
});
