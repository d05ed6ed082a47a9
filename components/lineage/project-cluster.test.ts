import { describe, expect, it } from "vitest";
import { clusterGraph, clusterId } from "./cluster-graph";
import { buildGraph } from "./graph-model";
import { groupsOf, projectGraph } from "./project-graph";
import { answer, artifact, execution, input, output } from "./test-graphs";

// data(1) → sim → raw(2) → train → model(3); model → deploy (hidden beyond)
const chain = buildGraph("artifact:3", [
  answer(
    "artifact:3",
    [
      artifact(3, "model", "model"),
      execution("train", "train", { up: 0, down: 0 }, "COMPLETED", "cl"),
      artifact(2, "raw"),
      execution("sim", "simulate", { up: 1, down: 0 }, "FAILED", "cl"),
      execution("deploy", "deploy", { up: 0, down: 2 }, "RUNNING", "serve"),
    ],
    [output("train", 3), input(2, "train"), output("sim", 2), input(3, "deploy")],
  ),
]);

describe("projectGraph", () => {
  it("draws every node and edge in the default mode", () => {
    const v = projectGraph(chain, "all");
    expect(v.nodes.map((n) => n.id)).toEqual(["artifact:3", "execution:train", "artifact:2", "execution:sim", "execution:deploy"]);
    expect(v.nodes[0]).toMatchObject({ kind: "artifact", typeKey: "model", focus: true });
    expect(v.nodes[1]).toMatchObject({ kind: "execution", typeKey: "train", status: "COMPLETED" });
    expect(v.edges).toHaveLength(4);
  });

  it("labels a registered model version with its version, and with its model when the names differ", () => {
    const registered = (id: number, name: string, model: string, version: number) => ({ ...artifact(id, name, "model"), modelVersions: [{ model, version }] });
    const g = buildGraph("artifact:1", [
      answer("artifact:1", [registered(1, "EKE-Bottleneck", "EKE-Bottleneck", 2), registered(2, "weights.pt", "EKE-ResNet", 3), artifact(3, "plain", "model")], []),
    ]);
    expect(projectGraph(g, "all").nodes.map((n) => n.label)).toEqual(["EKE-Bottleneck v2", "weights.pt (EKE-ResNet v3)", "plain"]);
  });

  it("artifacts only: executions become edges, their hidden neighbours move to the artifacts", () => {
    const v = projectGraph(chain, "artifacts");
    expect(v.nodes.map((n) => n.id)).toEqual(["artifact:3", "artifact:2"]);
    expect(v.edges).toEqual([{ id: "artifact:2>artifact:3", source: "artifact:2", target: "artifact:3", kind: "derived", count: 1 }]);
    // sim hides one input (upstream of raw); deploy hides two outputs (downstream of the model).
    expect(v.nodes.find((n) => n.id === "artifact:2")?.hidden).toEqual({ up: 1, down: 0 });
    expect(v.nodes.find((n) => n.id === "artifact:3")?.hidden).toEqual({ up: 0, down: 2 });
  });

  it("executions only: artifacts become edges from producer to consumer", () => {
    const v = projectGraph(chain, "executions");
    expect(v.nodes.map((n) => n.id).sort()).toEqual(["execution:deploy", "execution:sim", "execution:train"]);
    expect(v.edges.map((e) => e.id).sort()).toEqual(["execution:sim>execution:train", "execution:train>execution:deploy"]);
  });

  it("groups executions by stage or pipeline and artifacts with their producer", () => {
    const byStage = groupsOf(chain, "stage");
    expect(byStage.get("execution:train")).toBe("cl / train");
    expect(byStage.get("artifact:3")).toBe("cl / train");
    expect(byStage.get("artifact:2")).toBe("cl / simulate");
    const byPipeline = groupsOf(chain, "pipeline");
    expect(byPipeline.get("execution:deploy")).toBe("serve");
    expect(byPipeline.get("artifact:3")).toBe("cl");
    expect(groupsOf(chain, "none").size).toBe(0);
    expect(projectGraph(chain, "all", "stage").nodes[0].group).toBe("cl / train");
  });
});

// A sweep: data(1) feeds 12 trials; each trial writes one model; trial t0 also reads data 2.
function sweep(trials = 12) {
  const ids = Array.from({ length: trials }, (_, i) => `t${i}`);
  return buildGraph("artifact:1", [
    answer(
      "artifact:1",
      [
        artifact(1, "data"),
        artifact(2, "other-data"),
        ...ids.map((t) => execution(t, "trial", { up: 0, down: 0 }, "COMPLETED")),
        ...ids.map((_, i) => artifact(100 + i, `m${i}`, "model", { up: 0, down: i === 0 ? 3 : 0 })),
      ],
      [...ids.map((t) => input(1, t)), input(2, "t0"), ...ids.map((t, i) => output(t, 100 + i))],
    ),
  ]);
}

describe("clusterGraph", () => {
  it("collapses a fan-out of same-type nodes attached to one anchor, then the fan-out behind it", () => {
    const c = clusterGraph(projectGraph(sweep(), "all"), { minSize: 5, keep: new Set() });
    const trials = clusterId("artifact:1", "down", "execution", "trial");
    const models = clusterId(trials, "down", "artifact", "model");
    // t0 also reads another dataset: it is not attached to data alone, so it stays out.
    expect(c.nodes.map((n) => n.id).sort()).toEqual(["artifact:1", "artifact:100", "artifact:2", "execution:t0", models, trials].sort());
    const t = c.nodes.find((n) => n.id === trials)!;
    expect(t).toMatchObject({ kind: "cluster", memberKind: "execution", typeKey: "trial", status: "COMPLETED", label: "11 × trial" });
    expect(t.members).toHaveLength(11);
    expect(c.nodes.find((n) => n.id === models)?.members).toHaveLength(11);
    expect(c.memberOf.get("execution:t3")).toBe(trials);
    expect(c.memberOf.get("artifact:103")).toBe(models);
    // Parallel edges merge and count what they stand for.
    expect(c.edges.find((e) => e.source === "artifact:1" && e.target === trials)?.count).toBe(11);
    expect(c.edges.find((e) => e.source === trials && e.target === models)?.count).toBe(11);
    expect(c.edges.find((e) => e.source === "execution:t0" && e.target === "artifact:100")).toBeDefined();
  });

  it("sums hidden counts and leaves small fan-outs alone", () => {
    const g = sweep();
    const c = clusterGraph(projectGraph(g, "all"), { minSize: 5, keep: new Set(["execution:t0"]) });
    const models = clusterId(clusterId("artifact:1", "down", "execution", "trial"), "down", "artifact", "model");
    expect(c.nodes.find((n) => n.id === models)?.hidden).toEqual({ up: 0, down: 0 });
    const small = clusterGraph(projectGraph(sweep(4), "all"), { minSize: 5, keep: new Set() });
    expect(small.nodes).toHaveLength(2 + 4 + 4);
    expect(clusterGraph(projectGraph(g, "all"), { minSize: 0, keep: new Set() }).nodes).toHaveLength(26);
  });

  it("pulls a cluster apart or single members out when asked to keep them", () => {
    const trials = clusterId("artifact:1", "down", "execution", "trial");
    const apart = clusterGraph(projectGraph(sweep(), "all"), { minSize: 5, keep: new Set([trials]) });
    expect(apart.nodes.filter((n) => n.kind === "execution")).toHaveLength(12);
    expect(apart.nodes.some((n) => n.kind === "cluster")).toBe(false); // each model hangs off its own trial
    const one = clusterGraph(projectGraph(sweep(), "all"), { minSize: 5, keep: new Set(["execution:t5"]) });
    expect(one.nodes.some((n) => n.id === "execution:t5")).toBe(true);
    expect(one.nodes.find((n) => n.id === trials)?.members).toHaveLength(10);
    expect(one.memberOf.has("execution:t5")).toBe(false);
  });

  it("clusters nodes that share all their anchors, as the artifacts-only view makes them", () => {
    // train reads data(1) and ood(2) and writes 12 checkpoints: folded away, every checkpoint
    // hangs off both inputs.
    const outs = Array.from({ length: 12 }, (_, i) => 10 + i);
    const g = buildGraph("artifact:1", [
      answer(
        "artifact:1",
        [artifact(1, "data"), artifact(2, "ood"), execution("train"), ...outs.map((a) => artifact(a, `ckpt-${a}`, "model"))],
        [input(1, "train"), input(2, "train"), ...outs.map((a) => output("train", a))],
      ),
    ]);
    const c = clusterGraph(projectGraph(g, "artifacts"), { minSize: 10, keep: new Set() });
    const id = clusterId("artifact:1+artifact:2", "down", "artifact", "model");
    expect(c.nodes.map((n) => n.id)).toEqual(["artifact:1", "artifact:2", id]);
    expect(c.edges.map((e) => [e.source, e.target, e.count])).toEqual([
      ["artifact:1", id, 12],
      ["artifact:2", id, 12],
    ]);
  });

  it("never hides the focus in a cluster", () => {
    const g = { ...sweep(), focus: "execution:t4" };
    const c = clusterGraph(projectGraph(g, "all"), { minSize: 5, keep: new Set() });
    expect(c.nodes.some((n) => n.id === "execution:t4" && n.focus)).toBe(true);
  });
});
