import type { Metadata } from "next";
import { CompareView } from "@/components/compare/compare-view";
import { loadCompare } from "@/lib/compare/load-compare";
import { db } from "@/lib/db/client";
import { compareQuery } from "@/lib/schemas/compare";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /compare?executions=uuid1,uuid2,…&baseline=uuid&step=N&rank=R&only=diff
export default async function ComparePage({ searchParams }: Props) {
  const sp = await searchParams;
  const qs = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])));
  await requireViewer(`/compare${qs.size ? `?${qs}` : ""}`);
  const parsed = compareQuery.safeParse(sp);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        This compare address is not valid: <span className="font-mono">{issue.path.join(".") || "query"}</span> {issue.message}.{" "}
        <a href="/compare" className="underline">
          Start a new comparison
        </a>
      </div>
    );
  }
  const q = parsed.data;
  const data = await loadCompare(db(), q);
  return <CompareView executions={data.executions} missing={data.missing} step={q.step} rank={q.rank} atStep={data.atStep} series={data.series} />;
}
