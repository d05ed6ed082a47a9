import { describe, expect, it } from "vitest";
import type { ExecutionPages, ExecutionRow } from "@/components/api/hooks/use-execution-pages";
import { patchPages, rowsToWatch } from "./patch-rows";

const row = (uuid: string, status = "RUNNING"): ExecutionRow => ({
  uuid, name: uuid, status, pipeline: "p", stage: "s", startedAt: "2026-01-01T00:00:00Z", endedAt: null, params: {}, metrics: {},
});
const pages = (...groups: ExecutionRow[][]): ExecutionPages => ({
  pages: groups.map((executions) => ({ total: 9, nextCursor: null, executions })),
  pageParams: groups.map((_, i) => String(i)),
});

describe("patchPages", () => {
  it("replaces only the rows that changed, keeping every other object", () => {
    const data = pages([row("a"), row("b")], [row("c")]);
    const next = patchPages(data, new Map([["b", { status: "COMPLETED", endedAt: "2026-01-01T01:00:00Z", metrics: { loss: 0.1 } }]]));
    expect(next.pages[0].executions[1]).toMatchObject({ uuid: "b", status: "COMPLETED", metrics: { loss: 0.1 } });
    expect(next.pages[0].executions[0]).toBe(data.pages[0].executions[0]);
    expect(next.pages[1]).toBe(data.pages[1]);
  });

  it("returns the same object when nothing changed", () => {
    const data = pages([{ ...row("a"), metrics: { x: 1 } }]);
    expect(patchPages(data, new Map([["a", { status: "RUNNING", endedAt: null, metrics: { x: 1 } }]]))).toBe(data);
    expect(patchPages(data, new Map([["zz", { status: "FAILED", endedAt: null, metrics: {} }]]))).toBe(data);
  });
});

describe("rowsToWatch", () => {
  it("picks RUNNING rows nearest the window, bounded", () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(`r${i}`, i % 2 ? "RUNNING" : "COMPLETED"));
    expect(rowsToWatch(rows, { start: 6, end: 9 }, 2)).toEqual(["r7", "r9"]);
    expect(rowsToWatch(rows, { start: 0, end: 2 }, 2)).toEqual(["r1", "r3"]);
  });
});
