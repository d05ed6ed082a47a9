import { describe, expect, it } from "vitest";
import { parseView, refocus, searchRecord, viewRequests, viewSearch, withExpansion, withOpen } from "./view-state";

const parse = (qs: string) => {
  const r = parseView(searchRecord(new URLSearchParams(qs)));
  if (!r.ok) throw new Error(r.message);
  return r.view;
};

describe("view state in the URL", () => {
  it("applies defaults and leaves them out again", () => {
    const v = parse("node=artifact:007");
    expect(v).toMatchObject({ node: "artifact:7", up: 1, down: 1, mode: "all", group: "none", exp: [], open: [], cluster: 10, max: 2000, table: false });
    expect(viewSearch(v)).toBe("node=artifact%3A7");
  });

  it("round-trips every field, repeated ones in order", () => {
    const qs =
      "node=execution%3Arun-1&up=3&down=0&mode=artifacts&group=stage&asOf=2026-11-22T10%3A00%3A00Z&sel=artifact%3A5" +
      "&exp=u1%3Aartifact%3A5&exp=d2%3Aexecution%3Aa%3Ab&open=cluster%3Adown%3Aexecution%3Atrial%40artifact%3A1&open=execution%3Ax&cluster=0&max=4000&table=1";
    const v = parse(qs);
    expect(v.exp).toEqual([
      { direction: "up", depth: 1, node: "artifact:5" },
      { direction: "down", depth: 2, node: "execution:a:b" },
    ]);
    expect(v.open).toEqual(["cluster:down:execution:trial@artifact:1", "execution:x"]);
    expect(v.table).toBe(true);
    expect(viewSearch(v)).toBe(qs);
    expect(parse(viewSearch(v))).toEqual(v);
  });

  it("never asks for nothing: depth 0 both ways becomes one step down", () => {
    expect(parse("node=artifact:1&up=0&down=0")).toMatchObject({ up: 0, down: 1 });
  });

  it.each([
    ["node=dataset:1", "node"],
    ["node=artifact:1&up=51", "up"],
    ["node=artifact:1&mode=graph", "mode"],
    ["node=artifact:1&exp=x1:artifact:2", "exp.0"],
    ["node=artifact:1&exp=u0:artifact:2", "exp.0"],
    ["node=artifact:1&asOf=yesterday", "asOf"],
    ["node=artifact:1&max=0", "max"],
  ])("rejects %s at %s", (qs, path) => {
    const r = parseView(searchRecord(new URLSearchParams(qs)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(`${path}:`)).toBe(true);
  });
});

describe("view edits and requests", () => {
  it("adds expansions and opened clusters once", () => {
    let v = parse("node=artifact:1");
    v = withExpansion(v, { direction: "up", depth: 1, node: "execution:x" });
    v = withExpansion(v, { direction: "up", depth: 1, node: "execution:x" });
    expect(v.exp).toHaveLength(1);
    expect(withOpen(withOpen(v, ["a"]), ["a", "b"]).open).toEqual(["a", "b"]);
    expect(refocus({ ...v, mode: "executions" }, "execution:x")).toMatchObject({ node: "execution:x", sel: "execution:x", exp: [], mode: "executions" });
  });

  it("asks for the focus up and down, then each expansion, all at the view's time and budget", () => {
    const v = parse("node=artifact:1&up=2&asOf=2026-01-01T00:00:00Z&max=300&exp=d1:execution:x&exp=u1:artifact:1");
    const r = viewRequests(v);
    expect(r.map((x) => [x.node, x.direction, x.depth])).toEqual([
      ["artifact:1", "up", 2],
      ["artifact:1", "down", 1],
      ["execution:x", "down", 1],
      ["artifact:1", "up", 1],
    ]);
    expect(r.every((x) => x.asOf === "2026-01-01T00:00:00Z" && x.maxNodes === 300)).toBe(true);
    expect(new Set(r.map((x) => x.key)).size).toBe(4);
    expect(viewRequests(parse("up=2"))).toEqual([]);
    expect(viewRequests(parse("node=artifact:1&down=0")).map((x) => x.direction)).toEqual(["up"]);
  });
});
