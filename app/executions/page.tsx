import type { Metadata } from "next";
import { ZodError } from "zod";
import type { ExecutionPage } from "@/components/api/hooks/use-execution-pages";
import { ExecutionsExplorer } from "@/components/explore/executions-explorer";
import { FIRST_PAGE, readView } from "@/components/explore/explorer-url";
import type { FilterError } from "@/components/explore/filter-box";
import { db } from "@/lib/db/client";
import { executionFields } from "@/lib/query/execution-fields";
import { FilterSyntaxError } from "@/lib/query/filter/parse";
import { listExecutions } from "@/lib/query/list-executions";
import { listPipelines } from "@/lib/query/list-pipelines";
import { env } from "@/lib/env";
import { executionsQuery } from "@/lib/schemas/query";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Executions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /executions?pipeline=&stage=&filter=&sort=&cols=&sel=&stall= — the executions explorer.
export default async function ExecutionsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const qs = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]])));
  await requireViewer(`/executions${qs.size ? `?${qs}` : ""}`);
  const view = readView(qs);
  const scope = { pipeline: view.pipeline, stage: view.stage, filter: view.filter || undefined, sort: view.sort };
  const loadedAt = new Date().toISOString();

  // A bad filter is shown in the filter box (at the position the parser reports), not as an error page.
  let page: ExecutionPage | null = null;
  let error: FilterError | null = null;
  try {
    const first = await listExecutions(db(), executionsQuery.parse({ ...scope, limit: FIRST_PAGE }));
    page = { ...first, executions: first.executions.map((e) => ({ ...e, startedAt: e.startedAt.toISOString(), endedAt: e.endedAt?.toISOString() ?? null })) };
  } catch (err) {
    if (err instanceof FilterSyntaxError) error = { message: err.message, position: err.position };
    else if (err instanceof ZodError) error = { message: `${err.issues[0].path.join(".")}: ${err.issues[0].message}` };
    else throw err;
  }
  const [pipelines, fields] = await Promise.all([listPipelines(db()), executionFields(db(), { pipeline: view.pipeline })]);

  return (
    <ExecutionsExplorer
      initialScope={scope}
      initialPage={page}
      initialError={error}
      fields={fields}
      pipelines={pipelines.pipelines.map((p) => ({ name: p.name, executions: p.executions, stages: p.stages.map((s) => s.name) }))}
      loadedAt={loadedAt}
      stallSeconds={env().PROVSCOPE_STALL_SECONDS}
    />
  );
}
