import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExecutionDetail } from "@/components/executions/execution-detail";
import { safeDecode } from "@/components/executions/links";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { preloadSeries } from "@/lib/compare/preload-series";
import { getExecution } from "@/lib/query/get-execution";
import { executionParams } from "@/lib/schemas/query";
import { requireViewer } from "../../_session/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ uuid: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { uuid } = await params;
  return { title: `Execution ${safeDecode(uuid)}` };
}

// GET /executions/{uuid}?stall= — header, params, properties, metrics, inputs/outputs and a chart per series.
export default async function ExecutionPage({ params, searchParams }: Props) {
  const raw = await params;
  await requireViewer(`/executions/${raw.uuid}`);
  const parsed = executionParams.safeParse({ uuid: safeDecode(raw.uuid) });
  if (!parsed.success) notFound();
  const execution = await getExecution(db(), parsed.data.uuid).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });
  if (!execution) notFound();
  // The charts' first view: each key at the ranks the address selects (`ranks.<key>=0,3`), else
  // its lowest rank.
  const sp = await searchParams;
  const refs = [...new Set(execution.series.map((s) => s.key))].flatMap((key) => {
    const ranks = execution.series.filter((s) => s.key === key).map((s) => s.rank);
    const text = sp[`ranks.${key}`];
    const wanted = new Set(String(Array.isArray(text) ? text[0] : (text ?? "")).split(",").filter(Boolean).map(Number));
    const chosen = ranks.filter((r) => wanted.has(r));
    return (chosen.length ? chosen : ranks.slice(0, 1)).map((rank) => ({ execution: execution.uuid, key, rank }));
  });
  const series = await preloadSeries(db(), refs, 40);
  // Flagged as stalled after this long without data: ?stall=SECONDS, else PROVSCOPE_STALL_SECONDS.
  const stall = Number(sp.stall);
  const stallSeconds = Number.isInteger(stall) && stall > 0 ? stall : env().PROVSCOPE_STALL_SECONDS;
  return <ExecutionDetail execution={execution} series={series} now={new Date()} stallSeconds={stallSeconds} />;
}
