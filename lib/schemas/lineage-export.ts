import { z } from "zod";
import { lineageQuery } from "./lineage";

// GET /api/v1/lineage/export — the subgraph GET /api/v1/lineage returns, as a download:
// `prov` = W3C PROV-JSON, `graph` = the plain {focus, nodes, edges, truncated} document.
export const EXPORT_FORMATS = ["prov", "graph"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const lineageExportQuery = lineageQuery.extend({
  format: z.enum(EXPORT_FORMATS, { error: "must be prov (W3C PROV-JSON) or graph (plain nodes and edges)" }).default("prov"),
});
export type LineageExportQuery = z.infer<typeof lineageExportQuery>;
