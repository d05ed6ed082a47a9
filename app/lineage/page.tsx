import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { loadAnswers } from "@/lib/lineage/load-answers";
import { startPoints } from "@/lib/lineage/start-points";
import { LineageExplorer } from "@/components/lineage/lineage-explorer";
import { LineageStart } from "@/components/lineage/lineage-start";
import { parseView, requestQuery, viewRequests, viewSearch } from "@/components/lineage/view-state";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lineage" };

type Search = Record<string, string | string[] | undefined>;

// GET /lineage — the lineage explorer (the address format is in lib/schemas/lineage-view.ts);
// without a node, where to start.
export default async function LineagePage(props: { searchParams: Promise<Search> }) {
  const search = await props.searchParams;
  const parsed = parseView(search);
  await requireViewer(parsed.ok ? `/lineage?${viewSearch(parsed.view)}` : "/lineage");
  if (!parsed.ok) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        This lineage address is not valid — {parsed.message}. <a href="/lineage" className="underline">Start again</a>.
      </div>
    );
  }
  if (!parsed.view.node) return <LineageStart points={await startPoints(db())} />;
  // Every request of the view is answered before the first paint; the client only asks for more.
  const { answers, errors } = await loadAnswers(
    db(),
    viewRequests(parsed.view).map((r) => ({ key: r.key, ...requestQuery(r) })),
  );
  return <LineageExplorer initialAnswers={answers} initialErrors={errors} />;
}
