import type { ArtifactNode, ExecutionNode, Lineage, LineageEdge } from "@/lib/schemas/lineage";

// Builders for the lineage mappers' unit tests: answers shaped exactly like GET /api/v1/lineage.

const zero = { up: 0, down: 0 };

export function artifact(id: number, name = `a${id}`, type = "dataset", hidden = zero): ArtifactNode {
  return {
    id: `artifact:${id}`, kind: "artifact", type, label: name, hidden, artifactId: id,
    hash: `sha256:${name}`, uri: null, size: null, createdAt: "2026-01-01T00:00:00.000Z", modelVersions: [],
  };
}

export function execution(uuid: string, stage = "train", hidden = zero, status = "COMPLETED", pipeline = "p"): ExecutionNode {
  return {
    id: `execution:${uuid}`, kind: "execution", type: stage, label: uuid, hidden, uuid, status, pipeline, stage,
    startedAt: "2026-01-01T00:00:00.000Z", endedAt: null,
  };
}

export const input = (a: number, x: string): LineageEdge => ({ source: `artifact:${a}`, target: `execution:${x}`, kind: "input" });
export const output = (x: string, a: number): LineageEdge => ({ source: `execution:${x}`, target: `artifact:${a}`, kind: "output" });

export const answer = (focus: string, nodes: Lineage["nodes"], edges: LineageEdge[], truncated = false): Lineage => ({
  focus, nodes, edges, truncated,
});
