import { z } from "zod";
import { isoTime } from "./common";
import { MAX_LINEAGE_DEPTH, MAX_LINEAGE_NODES, nodeId, nodeRef } from "./lineage";

// The lineage explorer's address: every piece of view state lives in the query string, so a view
// can be shared by pasting its URL and a reload restores it.
//
//   /lineage?node=artifact:42          focus node (artifact:<id> | execution:<uuid>)
//     &up=1&down=1                     depth (edges) fetched upstream / downstream of the focus
//     &mode=all|artifacts|executions   which node kinds are drawn (the others are folded into edges)
//     &group=none|stage|pipeline       boxes around the nodes of one stage or pipeline
//     &asOf=2026-11-22T10:00:00Z       the graph as it was at that moment
//     &sel=<node or cluster id>        the selected node (details panel, highlighted paths)
//     &exp=u1:artifact:7&exp=d2:…      lazy expansions: direction (u|d), depth, node — one each
//     &open=<cluster or node id>&…     clusters pulled apart / nodes pulled out of their cluster
//     &cluster=10                      fan-outs of at least this many same-type nodes collapse (0: never)
//     &max=2000                        node budget per request
//     &table=1                         show the table beside the graph

export const VIEW_MODES = ["all", "artifacts", "executions"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export const GROUPINGS = ["none", "stage", "pipeline"] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const DEFAULT_CLUSTER_SIZE = 10;
export const DEFAULT_MAX_NODES = 2000;
const MAX_LIST = 200;

export type Expansion = { direction: "up" | "down"; depth: number; node: string };

const EXPANSION = /^([ud])([0-9]{1,2}):(.+)$/;

export const expansion = z
  .string()
  .max(200)
  .transform((s, ctx): Expansion => {
    const m = EXPANSION.exec(s);
    const ref = m ? nodeRef.safeParse(m[3]) : null;
    const depth = m ? Number(m[2]) : 0;
    if (!m || !ref?.success || depth < 1 || depth > MAX_LINEAGE_DEPTH) {
      ctx.addIssue({ code: "custom", message: `must be u|d, a depth 1–${MAX_LINEAGE_DEPTH}, ':' and a node id, e.g. u1:artifact:7` });
      return z.NEVER;
    }
    return { direction: m[1] === "u" ? "up" : "down", depth, node: nodeId(ref.data) };
  });

export const formatExpansion = (e: Expansion) => `${e.direction === "up" ? "u" : "d"}${e.depth}:${e.node}`;

// A query parameter that may repeat: one value or many.
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(MAX_LIST, `must be given at most ${MAX_LIST} times`),
  );

const depth = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(0, "must be at least 0")
  .max(MAX_LINEAGE_DEPTH, `must be at most ${MAX_LINEAGE_DEPTH}`);

export const lineageView = z
  .object({
    node: nodeRef.transform(nodeId).optional(),
    up: depth.default(1),
    down: depth.default(1),
    mode: z.enum(VIEW_MODES, { error: "must be one of all, artifacts, executions" }).default("all"),
    group: z.enum(GROUPINGS, { error: "must be one of none, stage, pipeline" }).default("none"),
    asOf: isoTime.optional(),
    sel: z.string().max(600).optional(),
    exp: list(expansion),
    open: list(z.string().max(600)),
    cluster: z.coerce.number({ error: "must be a whole number" }).int().min(0).max(10_000).default(DEFAULT_CLUSTER_SIZE),
    max: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_LINEAGE_NODES, `must be at most ${MAX_LINEAGE_NODES}`)
      .default(DEFAULT_MAX_NODES),
    table: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  })
  // Depth 0 both ways would show nothing but the focus; one step down is the useful minimum.
  .transform((v) => (v.up === 0 && v.down === 0 ? { ...v, down: 1 } : v));

export type LineageView = z.infer<typeof lineageView>;
