import { describe, expect, it } from "vitest";
import { buildGraph } from "./graph-model";
import { searchNodes } from "./search-nodes";
import { csvCell, matchesText, tableRows, toCsv } from "./table-rows";
import { answer, artifact, execution, input, output } from "./test-graphs";
import { badges, nodeLabel, shortLabel, toElements } from "./to-elements";
import { projectGraph } from "./project-graph";

const xss = "<img src=x onerror=alert(1)>";
const graph = buildGraph("artifact:1", [
  answer(
    "artifact:1",
    [artifact(1, "EKE dataset, v2", "dataset", { up: 0, down: 3 }), execution("train-1", "train"), artifact(2, xss, "model"), artifact(3, "=cmd|calc", "other")],
    [input(1, "train-1"), output("train-1", 2), output("train-1", 3)],
  ),
]);

describe("table rows and CSV", () => {
  it("has one row per node with the kind's fields", () => {
    const rows = tableRows(graph);
    expect(rows.map((r) => r.id)).toEqual(["artifact:1", "execution:train-1", "artifact:2", "artifact:3"]);
    expect(rows[0]).toMatchObject({ kind: "artifact", type: "dataset", hash: "sha256:EKE dataset, v2", hiddenDown: 3, status: "" });
    expect(rows[1]).toMatchObject({ kind: "execution", type: "train", status: "COMPLETED", pipeline: "p", hash: "" });
    expect(rows.filter((r) => matchesText(r, "TRAIN"))).toHaveLength(1);
    expect(rows.filter((r) => matchesText(r, ""))).toHaveLength(4);
  });

  it("quotes commas and quotes and defuses spreadsheet formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    const csv = toCsv(tableRows(graph)).split("\r\n");
    expect(csv[0]).toBe("id,kind,type_or_stage,name,status,pipeline,created_or_started,hash,uri,size,hidden_up,hidden_down");
    expect(csv[1]).toBe('artifact:1,artifact,dataset,"EKE dataset, v2",,,2026-01-01T00:00:00.000Z,"sha256:EKE dataset, v2",,,0,3');
    expect(csv[4].split(",")[3]).toBe("'=cmd|calc");
    expect(csv).toHaveLength(6); // header, 4 rows, trailing newline
  });
});

describe("searchNodes", () => {
  it("ranks exact, prefix and substring matches and says which cluster holds a hit", () => {
    const hits = searchNodes(graph, "eke", new Map([["artifact:1", "cluster:x"]]));
    expect(hits).toEqual([{ id: "artifact:1", kind: "artifact", label: "EKE dataset, v2", detail: "dataset", cluster: "cluster:x" }]);
    expect(searchNodes(graph, "train", new Map()).map((h) => h.id)).toEqual(["execution:train-1"]);
    expect(searchNodes(graph, "model", new Map()).map((h) => h.id)).toEqual(["artifact:2"]); // by type
    expect(searchNodes(graph, "  ", new Map())).toEqual([]);
  });
});

describe("toElements", () => {
  it("labels nodes with a shortened name and their hidden-neighbour badges", () => {
    expect(badges({ up: 0, down: 12 })).toBe("+12 ▸");
    expect(badges({ up: 3, down: 0 })).toBe("◂ +3");
    expect(badges({ up: 0, down: 0 })).toBe("");
    expect(shortLabel("a".repeat(30))).toHaveLength(22);
    const view = projectGraph(graph, "all", "stage");
    expect(nodeLabel(view.nodes[0])).toBe("EKE dataset, v2\n+3 ▸");
    const els = toElements(view, new Map([["artifact:1", { x: 5, y: 6 }]]));
    const data = els.find((e) => e.data.id === "artifact:1")!;
    expect(data.position).toEqual({ x: 5, y: 6 });
    expect(data.classes).toBe("artifact type-dataset boundary focus");
    expect(data.data.parent).toBe("group:p / train");
    expect(els.find((e) => e.data.id === "group:p / train")?.classes).toBe("stage-group");
    expect(els.find((e) => e.data.id === "execution:train-1")?.classes).toBe("execution status-completed");
    expect(els.filter((e) => e.group === "edges").map((e) => e.data.source)).toEqual(["artifact:1", "execution:train-1", "execution:train-1"]);
  });
});
