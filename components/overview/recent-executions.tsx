import Link from "next/link";
import type { OverviewExecution } from "@/lib/query/overview";
import { formatMetric } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { Duration, RelativeTime } from "@/components/ui/time";

// The latest executions across all pipelines, newest first.
export function RecentExecutions({ executions, now }: { executions: OverviewExecution[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-xs" aria-label="Recent executions">
        <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wider text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">Execution</th>
            <th className="px-3 py-2 font-medium">Pipeline</th>
            <th className="px-3 py-2 font-medium">Stage</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2 text-right font-medium">Duration</th>
            <th className="px-3 py-2 font-medium">Metrics</th>
          </tr>
        </thead>
        <tbody>
          {executions.map((e) => (
            <tr key={e.uuid} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-3 py-1.5">
                <Link href={`/executions/${encodeURIComponent(e.uuid)}`} className="font-medium text-slate-800 hover:text-sky-700 hover:underline">
                  {e.name}
                </Link>
                <div className="font-mono text-[10px] text-slate-400">{e.uuid}</div>
              </td>
              <td className="px-3 py-1.5 text-slate-700">{e.pipeline}</td>
              <td className="px-3 py-1.5 text-slate-700">{e.stage}</td>
              <td className="px-3 py-1.5">
                <StatusBadge status={e.status} />
              </td>
              <td className="px-3 py-1.5 text-slate-600">
                <RelativeTime date={e.startedAt} now={now} />
              </td>
              <td className="px-3 py-1.5 text-right text-slate-600">
                <Duration start={e.startedAt} end={e.status === "RUNNING" ? null : e.endedAt} now={now} />
              </td>
              <td className="px-3 py-1.5">
                <div className="flex flex-wrap gap-1">
                  {e.metrics.map((m) => (
                    <span key={m.key} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700" title={`${m.key} = ${m.value}`}>
                      <span className="text-slate-500">{m.key}</span> {formatMetric(m.value)}
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
