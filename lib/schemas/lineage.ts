import { z } from "zod";
import { isoTime } from "./common";

// GET /api/v1/lineage — a bounded subgraph around one node.

export const LINEAGE_DIRECTIONS = ["up", "down", "both"] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

export const MAX_LINEAGE_DEPTH = 50;
export const MAX_LINEAGE_NODES = 5000;

// Ids are SQL INTEGER columns that Prisma reads as 32-bit: a larger one could only ever be "not found".
const MAX_ID = 2_147_483_647;
const NODE_PATTERN = /^(?:artifact:[0-9]{1,10}|execution:[A-Za-z0-9._:-]{1,128})$/;
const NODE_HINT = "must be 'artifact:<numeric id>' or 'execution:<uuid>', e.g. artifact:42";

export type NodeRef = { kind: "artifact"; id: number } | { kind: "execution"; uuid: string };

export const nodeRef = z
  .string({ error: `is required and ${NODE_HINT}` })
  .regex(NODE_PATTERN, NODE_HINT)
  .refine((s) => !s.startsWith("artifact:") || Number(s.slice(9)) <= MAX_ID, `artifact id must be at most ${MAX_ID}`)
  .transform((s): NodeRef =>
    s.startsWith("artifact:") ? { kind: "artifact", id: Number(s.slice(9)) } : { kind: "execution", uuid: s.slice(10) },
  );

export const nodeId = (ref: NodeRef) => (ref.kind === "artifact" ? `artifact:${ref.id}` : `execution:${ref.uuid}`);

export const lineageQuery = z.object({
  node: nodeRef,
  direction: z.enum(LINEAGE_DIRECTIONS, { error: "must be one of up, down, both" }).default("both"),
  // One step is one edge (artifact → execution or back), so depth 2 reaches the next artifact.
  depth: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_LINEAGE_DEPTH, `must be at most ${MAX_LINEAGE_DEPTH}; expand boundary nodes for more`)
    .default(1),
  asOf: isoTime.optional(),
  maxNodes: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_LINEAGE_NODES, `must be at most ${MAX_LINEAGE_NODES}`)
    .default(2000),
});
export type LineageQuery = z.infer<typeof lineageQuery>;
export type LineageQueryInput = z.input<typeof lineageQuery>;

// The response. Nodes carry their kind-specific fields next to the common ones.
type NodeBase = { id: string; type: string; label: string; hidden: { up: number; down: number } };
export type ArtifactNode = NodeBase & {
  kind: "artifact";
  artifactId: number;
  hash: string;
  uri: string | null;
  size: number | null;
  createdAt: string;
  // The registered model versions this artifact is (usually none or one), oldest first.
  modelVersions: Array<{ model: string; version: number }>;
};
export type ExecutionNode = NodeBase & {
  kind: "execution";
  uuid: string;
  status: string;
  pipeline: string;
  stage: string;
  startedAt: string;
  endedAt: string | null;
};
export type LineageNode = ArtifactNode | ExecutionNode;
export type LineageEdge = { source: string; target: string; kind: "input" | "output" };
export type Lineage = { focus: string; nodes: LineageNode[]; edges: LineageEdge[]; truncated: boolean };
