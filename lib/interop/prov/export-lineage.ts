import "server-only";
import type { Db } from "../../db/client";
import { subgraph } from "../../lineage/subgraph";
import type { Lineage } from "../../schemas/lineage";
import type { LineageExportQuery } from "../../schemas/lineage-export";
import { toProvJson, type ProvDocument } from "./to-prov-json";

// The lineage subgraph around a node as a downloadable document, with a file name that says what
// it holds (node, direction, depth, format).
export async function exportLineage(db: Db, query: LineageExportQuery, baseUrl?: string): Promise<{ filename: string; document: ProvDocument | Lineage }> {
  const lineage = await subgraph(db, query);
  const node = lineage.focus.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120);
  const stem = `lineage-${node}-${query.direction}-${query.depth}`;
  return query.format === "prov"
    ? { filename: `${stem}.prov.json`, document: toProvJson(lineage, { baseUrl }) }
    : { filename: `${stem}.graph.json`, document: lineage };
}
