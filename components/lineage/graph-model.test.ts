import { describe, expect, it } from "vitest";
import { buildGraph, emptyGraph, graphJson, mergeLineage } from "./graph-model";
import { answer, artifact, execution, input, output } from "./test-graphs";

// data(1) → train → model(2) → deploy → out(3); data also feeds c1..c5.
const model = "artifact:2";
const upFromModel = answer(model, [artifact(2, "model", "model", { up: 0, down: 1 }), execution("train", "train", { up: 1, down: 0 })], [output("train", 2)]);
const downFromModel = answer(model, [artifact(2, "model", "model", { up: 1, down: 0 }), execution("deploy", "deploy", { up: 0, down: 1 })], [input(2, "deploy")]);
const upFromTrain = answer("execution:train", [execution("train", "train", { up: 0, down: 1 }), artifact(1, "data", "dataset", { up: 0, down: 5 })], [input(1, "train")]);
const consumers = ["c1", "c2", "c3", "c4", "c5"];
const downFromData = answer(
  "artifact:1",
  [artifact(1, "data"), execution("train", "train", { up: 0, down: 1 }), ...consumers.map((c) => execution(c, "analyse"))],
  [input(1, "train"), ...consumers.map((c) => input(1, c))],
);

const hidden = (g: ReturnType<typeof emptyGraph>, id: string) => g.nodes[id]?.hidden;

describe("mergeLineage", () => {
  it("unions nodes and edges and keeps each answer's hidden counts where nothing else is known", () => {
    const g = buildGraph(model, [upFromModel, downFromModel]);
    expect(Object.keys(g.nodes).sort()).toEqual(["artifact:2", "execution:deploy", "execution:train"]);
    expect(Object.keys(g.edges).sort()).toEqual(["artifact:2>execution:deploy", "execution:train>artifact:2"]);
    // Each answer alone reported the model's other side as hidden; together nothing is.
    expect(hidden(g, model)).toEqual({ up: 0, down: 0 });
    expect(hidden(g, "execution:train")).toEqual({ up: 1, down: 0 });
    expect(hidden(g, "execution:deploy")).toEqual({ up: 0, down: 1 });
    expect(g.nodes[model].total).toEqual({ up: 1, down: 1 });
  });

  it("recomputes hidden counts as expansions bring neighbours in", () => {
    let g = buildGraph(model, [upFromModel, downFromModel]);
    g = mergeLineage(g, upFromTrain);
    expect(hidden(g, "execution:train")).toEqual({ up: 0, down: 0 });
    expect(hidden(g, "artifact:1")).toEqual({ up: 0, down: 5 });
    g = mergeLineage(g, downFromData);
    expect(hidden(g, "artifact:1")).toEqual({ up: 0, down: 0 });
    for (const c of consumers) expect(hidden(g, `execution:${c}`)).toEqual({ up: 0, down: 0 });
    // The train execution came back with "down: 1" hidden in the last answer (the model was not in
    // it), but the model is in the graph, so nothing is hidden.
    expect(hidden(g, "execution:train")).toEqual({ up: 0, down: 0 });
    expect(Object.keys(g.nodes)).toHaveLength(9);
    expect(Object.keys(g.edges)).toHaveLength(8);
  });

  it("does not depend on the order the answers arrive in", () => {
    const a = buildGraph(model, [upFromModel, downFromModel, upFromTrain, downFromData]);
    const b = buildGraph(model, [downFromData, upFromTrain, downFromModel, upFromModel]);
    for (const id of Object.keys(a.nodes)) expect(b.nodes[id].hidden).toEqual(a.nodes[id].hidden);
    expect(Object.keys(b.edges).sort()).toEqual(Object.keys(a.edges).sort());
  });

  it("skips answers still loading, carries truncation, and exports the API's shape", () => {
    const cut = { ...upFromTrain, truncated: true };
    const g = buildGraph(model, [upFromModel, undefined, cut]);
    expect(g.truncated).toBe(true);
    const json = graphJson(g);
    expect(json.focus).toBe(model);
    expect(json.nodes.every((n) => !("total" in n))).toBe(true);
    expect(json.nodes.find((n) => n.id === "execution:train")?.hidden).toEqual({ up: 0, down: 0 });
    expect(json.edges).toHaveLength(2);
  });

  it("draws no edge to a node it does not have, and counts that neighbour as hidden", () => {
    const g = mergeLineage(emptyGraph("artifact:9"), answer("artifact:9", [artifact(9)], [input(9, "ghost")]));
    expect(Object.keys(g.edges)).toEqual([]);
    expect(hidden(g, "artifact:9")).toEqual({ up: 0, down: 1 });
  });
});
