import { formatDelta, metricDelta, VERDICT_CLASS, type MetricValue } from "@/lib/compare/metric-delta";
import type { Direction } from "@/lib/compare/metric-direction";
import { formatMetric } from "@/components/ui/format";

// A metric value and, outside the baseline column, its change against the baseline, coloured
// green when better and red when worse by the metric's direction.
export function ValueCell({ value, baseline, direction, isBaseline, note }: {
  value: MetricValue;
  baseline: MetricValue;
  direction: Direction | null;
  isBaseline: boolean;
  note?: string;
}) {
  if (value === undefined || value === null) return <td className={`px-3 py-1 text-slate-300 ${isBaseline ? "bg-sky-50" : ""}`}>—</td>;
  const d = isBaseline ? null : metricDelta(baseline, value, direction);
  return (
    <td className={`px-3 py-1 text-right font-mono tabular-nums ${isBaseline ? "bg-sky-50" : ""}`} data-verdict={d?.verdict}>
      <span className={typeof value === "string" ? "text-red-700" : "text-slate-900"} title={String(value)}>
        {formatMetric(value)}
      </span>
      {note ? <span className="ml-1 text-[10px] text-slate-400">{note}</span> : null}
      {d && d.verdict !== "unknown" ? (
        <div className={`text-[10px] ${VERDICT_CLASS[d.verdict]}`}>{d.delta === null ? d.verdict : formatDelta(d, (v) => formatMetric(v))}</div>
      ) : d && d.delta !== null ? (
        <div className="text-[10px] text-slate-500">{formatDelta(d, (v) => formatMetric(v))}</div>
      ) : null}
    </td>
  );
}
