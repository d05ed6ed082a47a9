import "server-only";
import type { Db } from "../db/client";
import { Params, provider } from "../db/sql";

// The lineage graph lives in the Event table: an INPUT event is an edge artifact → execution, an
// OUTPUT event an edge execution → artifact. Every query here takes a whole level of node ids as
// one bound list, so a traversal costs one round trip per level and direction, not one per node.
// Raw SQL because Prisma's model queries cost ~5× more here and cap the number of bound values.

export type Kind = "artifact" | "execution";
export type Step = "up" | "down";

// Which events lead from a node of `kind` one step `up` or `down`.
const EVENT_DIRECTION: Record<Kind, Record<Step, "INPUT" | "OUTPUT">> = {
  artifact: { up: "OUTPUT", down: "INPUT" }, // its producers / its consumers
  execution: { up: "INPUT", down: "OUTPUT" }, // its inputs / its outputs
};
const COLUMN: Record<Kind, string> = { artifact: `"artifactId"`, execution: `"executionId"` };
const TABLE: Record<Kind, string> = { artifact: `"Artifact"`, execution: `"Execution"` };

export const other = (kind: Kind): Kind => (kind === "artifact" ? "execution" : "artifact");

// A list of ids as ONE bound value, so lists of any length fit the parameter limits.
export function idList(p: Params, ids: number[]): string {
  return provider() === "sqlite"
    ? `(SELECT value FROM json_each(${p.bind(JSON.stringify(ids))}))`
    : `(SELECT unnest(${p.bind(ids)}::int[]))`;
}

// Under `asOf` an edge exists only if the event and the node at its far end already existed.
// Prisma binds a Date in the same format it stores, so the comparison is exact on both providers.
// (SQLite's `?` placeholders are positional: these are called inline, in the order of the text.)
const asOfJoin = (p: Params, near: Kind, asOf: Date | undefined) =>
  asOf ? `JOIN ${TABLE[other(near)]} f ON f."id" = e.${COLUMN[other(near)]} AND f."createdAt" <= ${p.bind(asOf)}` : "";
const asOfWhere = (p: Params, asOf: Date | undefined) => (asOf ? `AND e."createdAt" <= ${p.bind(asOf)}` : "");

// The neighbours one step away from a level of same-kind nodes (the graph is bipartite, so a
// level never mixes kinds), deduplicated and sorted so truncation is deterministic.
export async function neighbours(db: Db, kind: Kind, ids: number[], step: Step, asOf?: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const p = new Params();
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT e.${COLUMN[other(kind)]} AS "id" FROM "Event" e ${asOfJoin(p, kind, asOf)}
     WHERE e.${COLUMN[kind]} IN ${idList(p, ids)} AND e."direction" = ${p.bind(EVENT_DIRECTION[kind][step])}
     ${asOfWhere(p, asOf)}`,
    ...p.values,
  );
  return [...new Set(rows.map((r) => Number(r.id)))].sort((a, b) => a - b);
}

export type RawEdge = { artifactId: number; executionId: number; direction: "INPUT" | "OUTPUT" };

// Every edge whose both ends are in the subgraph, including those the traversal never walked
// (e.g. between two boundary nodes reached along different paths). Driven by the executions:
// their degree is small, while one dataset may feed thousands of executions.
export async function edgesBetween(db: Db, artifactIds: number[], executionIds: number[], asOf?: Date): Promise<RawEdge[]> {
  if (artifactIds.length === 0 || executionIds.length === 0) return [];
  const p = new Params();
  const rows = await db.$queryRawUnsafe<{ a: number | bigint; x: number | bigint; d: "INPUT" | "OUTPUT" }[]>(
    // The unary + keeps SQLite from probing the artifact index once per listed artifact.
    `SELECT e."artifactId" AS "a", e."executionId" AS "x", e."direction" AS "d" FROM "Event" e
     WHERE e."executionId" IN ${idList(p, executionIds)} AND +e."artifactId" IN ${idList(p, artifactIds)}
     ${asOfWhere(p, asOf)}`,
    ...p.values,
  );
  return rows.map((r) => ({ artifactId: Number(r.a), executionId: Number(r.x), direction: r.d }));
}

export type Degree = { up: number; down: number };

// How many neighbours each node has up and down in the whole graph (as of `asOf`): one grouped
// COUNT per kind, answered from the (id, direction) index. The caller subtracts the neighbours
// it returns to get the hidden ones.
export async function degrees(db: Db, kind: Kind, ids: number[], asOf?: Date): Promise<Map<number, Degree>> {
  const result = new Map<number, Degree>(ids.map((id) => [id, { up: 0, down: 0 }]));
  if (ids.length === 0) return result;
  const p = new Params();
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; d: string; n: number | bigint }[]>(
    `SELECT e.${COLUMN[kind]} AS "id", e."direction" AS "d", COUNT(*) AS "n" FROM "Event" e ${asOfJoin(p, kind, asOf)}
     WHERE e.${COLUMN[kind]} IN ${idList(p, ids)} ${asOfWhere(p, asOf)}
     GROUP BY e.${COLUMN[kind]}, e."direction"`,
    ...p.values,
  );
  const up = EVENT_DIRECTION[kind].up;
  for (const r of rows) {
    const d = result.get(Number(r.id));
    if (d) d[r.d === up ? "up" : "down"] += Number(r.n);
  }
  return result;
}
