import { describe, expect, it } from "vitest";
import type { ExecutionRow } from "@/components/api/hooks/use-execution-pages";
import { defaultColumns, nextSort, paramValue, parseSort, sortFieldOf } from "./columns";
import { readView } from "./explorer-url";

const row = (params: Record<string, unknown>, metrics: Record<string, number>): ExecutionRow => ({
  uuid: "u", name: "n", status: "RUNNING", pipeline: "p", stage: "s", startedAt: "2026-01-01T00:00:00Z", endedAt: null, params, metrics,
});

describe("columns", () => {
  it("defaults to the built-ins plus the most frequent metrics and params of the loaded rows", () => {
    const rows = [row({ arch: "a", opt: { lr: 1 } }, { test_loss: 1, acc: 2 }), row({ arch: "b" }, { test_loss: 1 })];
    expect(defaultColumns(rows, {})).toEqual([
      "name", "pipeline", "stage", "status", "startedAt", "duration", "metrics.test_loss", "metrics.acc", "params.arch", "params.opt.lr",
    ]);
    expect(defaultColumns([], { pipeline: "p", stage: "s" })).toEqual(["name", "status", "startedAt", "duration"]);
    expect(defaultColumns([], { pipeline: "p", stage: "s" }, { metrics: ["a", "b", "c", "d", "e"], params: ["x"] })).toEqual([
      "name", "status", "startedAt", "duration", "metrics.a", "metrics.b", "metrics.c", "metrics.d", "params.x",
    ]);
  });

  it("reads nested and dotted param keys", () => {
    expect(paramValue({ opt: { lr: 0.1 } }, "opt.lr")).toBe(0.1);
    expect(paramValue({ "a.b": 1 }, "a.b")).toBe(1);
    expect(paramValue({ a: { "b.c": { d: 2 } } }, "a.b.c.d")).toBe(2);
    expect(paramValue({ a: 1 }, "a.b")).toBeUndefined();
    expect(paramValue({}, "__proto__")).toBeUndefined();
  });

  it("sorts: flips the current column, starts times newest first and the rest ascending", () => {
    expect(parseSort("-startedAt")).toEqual({ field: "startedAt", desc: true });
    expect(parseSort("params.lr:desc")).toEqual({ field: "params.lr", desc: true });
    expect(nextSort({ field: "name", desc: false }, "name")).toEqual({ field: "name", desc: true });
    expect(nextSort({ field: "name", desc: false }, "endedAt")).toEqual({ field: "endedAt", desc: true });
    expect(nextSort({ field: "name", desc: true }, "metrics.test_loss")).toEqual({ field: "metrics.test_loss", desc: false });
    expect(nextSort({ field: "name", desc: false }, "createdAt")).toEqual({ field: "createdAt", desc: true });
    expect(nextSort({ field: "name", desc: false }, "size")).toEqual({ field: "size", desc: true });
    expect([sortFieldOf("duration"), sortFieldOf("uuid"), sortFieldOf("metrics.x")]).toEqual([null, null, "metrics.x"]);
  });
});

describe("readView", () => {
  it("reads the view from the address and falls back for what the API would refuse", () => {
    const v = readView(new URLSearchParams("pipeline=cl&filter=a%3D1&sort=metrics.test_loss&cols=name,bogus,metrics.x,name&sel=u1,u2,u1&stall=60"));
    expect(v).toEqual({ pipeline: "cl", stage: undefined, filter: "a=1", sort: "metrics.test_loss", cols: ["name", "metrics.x"], sel: ["u1", "u2"], stall: 60 });
    expect(readView(new URLSearchParams("sort=drop table&stall=-3"))).toMatchObject({ sort: "-startedAt", cols: null, sel: [], stall: undefined, filter: "" });
  });
});
