import { describe, expect, it } from "vitest";
import { rng } from "@/lib/lineage/raw-graph-fixture";
import { DEFAULT_LAYOUT, layeredLayout, spaced, type LayoutInput } from "./layered-layout";
import { stablePositions } from "./stable-positions";
import { openingViewport, READABLE_ZOOM } from "./viewport";

const { rankGap, rowGap } = DEFAULT_LAYOUT;
const edge = (source: string, target: string) => ({ source, target });

describe("layeredLayout", () => {
  it("places each node one rank right of its input, chains on one row", () => {
    const p = layeredLayout({ nodes: ["a", "x", "b", "y", "c"].map((id) => ({ id })), edges: [edge("a", "x"), edge("x", "b"), edge("b", "y"), edge("y", "c")] });
    expect(["a", "x", "b", "y", "c"].map((id) => p.get(id)!.x)).toEqual([0, 1, 2, 3, 4].map((r) => r * rankGap));
    expect(new Set(["a", "x", "b", "y", "c"].map((id) => p.get(id)!.y)).size).toBe(1);
  });

  it("puts a late input right before its consumer, and survives cycles and self-loops", () => {
    const p = layeredLayout({
      nodes: ["a", "x", "b", "y", "c", "late"].map((id) => ({ id })),
      edges: [edge("a", "x"), edge("x", "b"), edge("b", "y"), edge("late", "y"), edge("y", "c"), edge("c", "y"), edge("c", "c")],
    });
    expect(p.get("late")!.x).toBe(p.get("y")!.x - rankGap);
    expect(p.get("c")!.x).toBeGreaterThan(p.get("y")!.x);
  });

  it("keeps nodes of one rank at least a row apart and orders fan-outs without crossings", () => {
    const nodes = ["d", "t1", "t2", "t3", "m1", "m2", "m3"].map((id) => ({ id }));
    const p = layeredLayout({ nodes, edges: [edge("d", "t1"), edge("d", "t2"), edge("d", "t3"), edge("t3", "m1"), edge("t1", "m3"), edge("t2", "m2")] });
    const ys = (ids: string[]) => ids.map((id) => p.get(id)!.y);
    const trials = ys(["t1", "t2", "t3"]).sort((a, b) => a - b);
    expect(trials[1] - trials[0]).toBeGreaterThanOrEqual(rowGap - 1e-9);
    // Each model sits level with its trial.
    for (const [t, m] of [["t1", "m3"], ["t2", "m2"], ["t3", "m1"]]) expect(p.get(m)!.y).toBeCloseTo(p.get(t)!.y);
    // The dataset is centred on its three consumers.
    expect(p.get("d")!.y).toBeCloseTo((trials[0] + trials[2]) / 2);
  });

  it("gives each group a lane and lets consecutive stages share one", () => {
    const p = layeredLayout({
      nodes: [
        { id: "s", group: "sim" }, { id: "o", group: "sim" }, { id: "t", group: "train" }, { id: "m", group: "train" },
        { id: "e1", group: "eval" }, { id: "e2", group: "eval" },
      ],
      edges: [edge("s", "o"), edge("o", "t"), edge("t", "m"), edge("o", "e1"), edge("o", "e2")],
    });
    // sim (ranks 0–1) and train (2–3) share a lane; eval (rank 2) overlaps train and gets its own.
    expect(p.get("s")!.y).toBe(p.get("t")!.y);
    expect(p.get("e1")!.y).toBeGreaterThan(p.get("t")!.y);
    expect(p.get("e2")!.y - p.get("e1")!.y).toBe(rowGap);
  });

  it("lays out 2,000 nodes in well under a second", () => {
    const random = rng(5);
    const input: LayoutInput = { nodes: [], edges: [] };
    const layers: string[][] = [];
    for (let l = 0; l < 20; l++) {
      layers.push(Array.from({ length: 100 }, (_, i) => `n${l}-${i}`));
      input.nodes.push(...layers[l].map((id) => ({ id })));
      if (l > 0) for (const id of layers[l]) for (let k = 0; k < 2; k++) input.edges.push(edge(layers[l - 1][Math.floor(random() * 100)], id));
    }
    const t = performance.now();
    const p = layeredLayout(input);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(p.size).toBe(2000);
    for (const layer of layers) {
      const ys = layer.map((id) => p.get(id)!.y).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(rowGap - 1e-6);
    }
  });
});

describe("spaced", () => {
  it("keeps wanted positions when they are far enough apart and spreads clashes evenly", () => {
    expect(spaced([0, 100, 300], 50)).toEqual([0, 100, 300]);
    expect(spaced([10, 10, 10], 50)).toEqual([-40, 10, 60]);
    expect(spaced([0, 20, 200], 50)).toEqual([-15, 35, 200]);
  });
});

describe("stablePositions", () => {
  const size = { width: 170, height: 58 };
  it("keeps placed nodes where they are and puts new ones beside their anchor as the fresh layout does", () => {
    const previous = new Map([["a", { x: 500, y: 500 }]]);
    const fresh = new Map([["a", { x: 0, y: 0 }], ["b", { x: 230, y: 0 }], ["c", { x: 460, y: 0 }]]);
    const out = stablePositions(previous, fresh, [edge("a", "b"), edge("b", "c")], size);
    expect(out.get("a")).toEqual({ x: 500, y: 500 });
    expect(out.get("b")).toEqual({ x: 730, y: 500 });
    expect(out.get("c")).toEqual({ x: 960, y: 500 });
  });

  it("moves a new node off an occupied spot, and uses the fresh layout when nothing was placed", () => {
    const previous = new Map([["a", { x: 0, y: 0 }], ["other", { x: 230, y: 0 }]]);
    const fresh = new Map([["a", { x: 0, y: 0 }], ["other", { x: 230, y: 100 }], ["b", { x: 230, y: 0 }]]);
    const out = stablePositions(previous, fresh, [edge("a", "b")], size);
    expect(out.get("other")).toEqual({ x: 230, y: 0 });
    expect(Math.abs(out.get("b")!.y)).toBe(58);
    expect(stablePositions(new Map(), fresh, [], size)).toEqual(fresh);
  });
});

describe("openingViewport", () => {
  const screen = { width: 1000, height: 600 };
  const node = { width: 100, height: 40 };
  it("fits a small graph, never zooming in past 1.1", () => {
    const v = openingViewport([{ x: 0, y: 0 }, { x: 200, y: 0 }], { x: 0, y: 0 }, screen, node);
    expect(v.zoom).toBe(1.1);
    expect(v.pan).toEqual({ x: 500 - 100 * 1.1, y: 300 });
  });
  it("centres the focus at a readable zoom when the whole graph would be too small", () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ x: i * 230, y: 0 }));
    const v = openingViewport(points, { x: 2300, y: 0 }, screen, node);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.pan).toEqual({ x: 500 - 2300 * READABLE_ZOOM, y: 300 });
  });
  it("fits exactly when that is readable", () => {
    const v = openingViewport([{ x: 0, y: 0 }, { x: 1000, y: 0 }], null, screen, node, 0);
    expect(v.zoom).toBeCloseTo(1000 / 1100);
    expect(v.pan.x).toBeCloseTo(500 - 500 * (1000 / 1100));
  });
});
