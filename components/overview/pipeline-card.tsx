import Link from "next/link";
import type { OverviewPipeline, StatusCounts } from "@/lib/query/overview";
import { Card } from "@/components/ui/card";
import { STATUS_BAR, STATUS_TEXT } from "@/components/ui/status-badge";
import { RelativeTime } from "@/components/ui/time";

const STATUSES = ["RUNNING", "COMPLETED", "FAILED"] as const;

// One pipeline: its stages in workflow order with how many executions are in each state.
export function PipelineCard({ pipeline, now }: { pipeline: OverviewPipeline; now: Date }) {
  const href = `/executions?pipeline=${encodeURIComponent(pipeline.name)}`;
  return (
    <Card
      label={pipeline.name}
      title={
        <Link href={href} className="hover:text-sky-700 hover:underline">
          {pipeline.name}
        </Link>
      }
      aside={
        <>
          <span className="tabular-nums">{pipeline.counts.total}</span> executions
          {pipeline.lastStartedAt ? (
            <>
              {" · "}
              <RelativeTime date={pipeline.lastStartedAt} now={now} />
            </>
          ) : null}
        </>
      }
    >
      <table className="w-full text-xs">
        <thead>
          <tr className="text-left text-[10px] uppercase tracking-wider text-slate-400">
            <th className="px-3 py-1.5 font-medium">Stage</th>
            <th className="w-20 px-2 py-1.5 font-medium">
              <span className="sr-only">Distribution</span>
            </th>
            {STATUSES.map((s) => (
              <th key={s} className="w-16 px-2 py-1.5 text-right font-medium">
                {s.toLowerCase()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pipeline.stages.map((stage) => (
            <tr key={stage.name} className="border-t border-slate-100">
              <td className="max-w-0 truncate px-3 py-1.5 font-medium text-slate-700" title={stage.name}>
                {stage.name}
              </td>
              <td className="px-2 py-1.5">
                <StatusBar counts={stage.counts} />
              </td>
              {STATUSES.map((s) => (
                <td key={s} className={`px-2 py-1.5 text-right tabular-nums ${stage.counts[s] ? STATUS_TEXT[s] : "text-slate-300"}`}>
                  <span className="sr-only">{s.toLowerCase()} </span>
                  {stage.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

// Proportions at a glance: a thin stacked bar per stage.
function StatusBar({ counts }: { counts: StatusCounts }) {
  if (!counts.total) return <div className="h-1.5 rounded-full bg-slate-100" />;
  return (
    <div className="flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
      {STATUSES.map((s) =>
        counts[s] ? <div key={s} className={STATUS_BAR[s]} style={{ width: `${(100 * counts[s]) / counts.total}%` }} /> : null,
      )}
    </div>
  );
}
