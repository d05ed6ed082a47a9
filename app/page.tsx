import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { demoState } from "@/lib/demo/demo-state";
import { getOverview } from "@/lib/query/overview";
import { requireViewer } from "./_session/viewer";
import { DemoNotice } from "@/components/overview/demo-notice";
import { EmptyState } from "@/components/overview/empty-state";
import { PipelineCard } from "@/components/overview/pipeline-card";
import { RecentExecutions } from "@/components/overview/recent-executions";
import { SectionTitle, StatCard } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import { STATUS_TEXT } from "@/components/ui/status-badge";
import { AbsoluteTime } from "@/components/ui/time";

export const dynamic = "force-dynamic";

// GET / — totals, the most recently active pipelines and the latest executions.
export default async function OverviewPage() {
  await requireViewer("/");
  const now = new Date();
  const overview = await getOverview(db());
  const { totals } = overview;
  const { state, step } = demoState();
  const notice = <DemoNotice initial={{ state, step }} />;

  if (totals.pipelines === 0 && totals.executions === 0) {
    const h = await headers();
    // The example should work when pasted, so it names the address this page was served from.
    const baseUrl = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "127.0.0.1:3000"}`;
    return (
      <>
        {notice}
        <EmptyState baseUrl={baseUrl} />
      </>
    );
  }

  const byStatus = totals.executionsByStatus;
  return (
    <>
      {notice}
      <div className="flex items-baseline justify-between">
        <h1 className="text-lg font-semibold text-slate-900">Overview</h1>
        <span className="text-xs text-slate-500">
          as of <AbsoluteTime date={now} />
        </span>
      </div>

      <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Pipelines" value={formatCount(totals.pipelines)} />
        <StatCard
          label="Executions"
          value={formatCount(totals.executions)}
          detail={
            <>
              <span className={STATUS_TEXT.RUNNING}>{formatCount(byStatus.RUNNING)} running</span>
              {" · "}
              <span className={STATUS_TEXT.COMPLETED}>{formatCount(byStatus.COMPLETED)} completed</span>
              {" · "}
              <span className={STATUS_TEXT.FAILED}>{formatCount(byStatus.FAILED)} failed</span>
            </>
          }
        />
        <StatCard label="Artifacts" value={formatCount(totals.artifacts)} />
        <StatCard label="Models" value={formatCount(totals.models)} />
      </div>

      <SectionTitle
        aside={overview.pipelines.length < totals.pipelines ? `${overview.pipelines.length} most recently active of ${formatCount(totals.pipelines)}` : undefined}
      >
        Pipelines
      </SectionTitle>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {overview.pipelines.map((p) => (
          <PipelineCard key={p.name} pipeline={p} now={now} />
        ))}
      </div>

      <SectionTitle aside={`latest ${overview.recent.length}`}>Recent executions</SectionTitle>
      <RecentExecutions executions={overview.recent} now={now} />
    </>
  );
}
