import { describe, expect, it } from "vitest";
import { graphSvg } from "./graph-svg";

describe("graphSvg", () => {
  it("draws every node and the edges between known nodes, with labels escaped", () => {
    const svg = graphSvg(
      [
        { id: "a", x: 0, y: 0, w: 40, h: 20, label: "<img src=x onerror=alert(1)>", fill: "#38bdf8", shape: "ellipse" },
        { id: "b", x: 200, y: 0, w: 60, h: 24, label: "train & eval", fill: "#34d399", shape: "box" },
      ],
      [
        { source: "a", target: "b", color: "#94a3b8" },
        { source: "a", target: "missing", color: "#94a3b8" },
      ],
    );
    expect(svg).toContain("<ellipse");
    expect(svg).toContain("<rect x=\"170\"");
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(svg).toContain("train &amp; eval");
    expect(svg).not.toContain("<img");
  });
});
