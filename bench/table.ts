// One row of `npm run bench`: a figure, and where it matters the baseline measured in the same
// run, so the ratio (not the machine) is what we track.
export type BenchRow = {
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  target?: string;
};

const fmt = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : v >= 10 ? v.toFixed(1) : v.toFixed(2);

export function formatTable(rows: BenchRow[]): string {
  const header = ["measure", "value", "baseline (same run)", "ratio", "target"];
  const body = rows.map((r) => [
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)} ${r.unit}` : "",
    r.baseline ? `${(r.value / r.baseline.value).toFixed(2)}×` : "",
    r.target ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
