import type { GraphNode, LineageGraph } from "./graph-model";

// The table beside the graph and its CSV export: one row per node of the merged subgraph.

export type TableRow = {
  id: string;
  kind: "artifact" | "execution";
  type: string;
  name: string;
  status: string;
  pipeline: string;
  time: string;
  hash: string;
  uri: string;
  size: number | null;
  hiddenUp: number;
  hiddenDown: number;
};

export function tableRow(n: GraphNode): TableRow {
  const common = { id: n.id, kind: n.kind, name: n.label, hiddenUp: n.hidden.up, hiddenDown: n.hidden.down };
  return n.kind === "artifact"
    ? { ...common, kind: "artifact", type: n.type, status: "", pipeline: "", time: n.createdAt, hash: n.hash, uri: n.uri ?? "", size: n.size }
    : { ...common, kind: "execution", type: n.stage, status: n.status, pipeline: n.pipeline, time: n.startedAt, hash: "", uri: "", size: null };
}

export const tableRows = (graph: LineageGraph): TableRow[] => Object.values(graph.nodes).map(tableRow);

export function matchesText(row: TableRow, text: string): boolean {
  if (!text) return true;
  const t = text.toLowerCase();
  return [row.name, row.id, row.type, row.status, row.pipeline, row.hash, row.uri].some((v) => v.toLowerCase().includes(t));
}

const COLUMNS: Array<[keyof TableRow, string]> = [
  ["id", "id"],
  ["kind", "kind"],
  ["type", "type_or_stage"],
  ["name", "name"],
  ["status", "status"],
  ["pipeline", "pipeline"],
  ["time", "created_or_started"],
  ["hash", "hash"],
  ["uri", "uri"],
  ["size", "size"],
  ["hiddenUp", "hidden_up"],
  ["hiddenDown", "hidden_down"],
];

// RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with ' (names
// come from the workflows, not from us).
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: TableRow[]): string {
  const lines = [COLUMNS.map(([, h]) => h).join(",")];
  for (const r of rows) lines.push(COLUMNS.map(([k]) => csvCell(r[k])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
