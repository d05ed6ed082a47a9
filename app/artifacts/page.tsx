import type { Metadata } from "next";
import { ArtifactsExplorer } from "@/components/explore/artifacts-explorer";
import { FIRST_PAGE, readArtifactScope } from "@/components/explore/explorer-url";
import { db } from "@/lib/db/client";
import { listArtifacts } from "@/lib/query/list-artifacts";
import { artifactsQuery } from "@/lib/schemas/explore";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Artifacts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /artifacts?type=&q=&sort= — every artifact, filtered, sorted and paged.
export default async function ArtifactsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const qs = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]])));
  await requireViewer(`/artifacts${qs.size ? `?${qs}` : ""}`);
  const scope = readArtifactScope(qs);
  const first = await listArtifacts(db(), artifactsQuery.parse({ ...scope, limit: FIRST_PAGE }));
  const page = { ...first, artifacts: first.artifacts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })) };
  return <ArtifactsExplorer initialScope={scope} initialPage={page} />;
}
