import type { Metadata } from "next";
import { readModelScope } from "@/components/explore/explorer-url";
import { ModelsList } from "@/components/models/models-list";
import { db } from "@/lib/db/client";
import { getModel } from "@/lib/registry/get-model";
import { firstModelNames, listModels } from "@/lib/registry/list-models";
import { modelsQuery } from "@/lib/schemas/registry";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

// The cross-model contributions table reads every model's versions; past this many models it
// covers the first ones by name (the table above it always lists all of them).
const MAX_DETAILED = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /models?q=&sort=&metric= — registered models, and which added datasets improved which architecture.
export default async function ModelsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const qs = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[0] : v]])));
  await requireViewer(`/models${qs.size ? `?${qs}` : ""}`);
  const scope = readModelScope(qs);
  const [page, names] = await Promise.all([listModels(db(), modelsQuery.parse(scope)), firstModelNames(db(), MAX_DETAILED)]);
  const details = await Promise.all(names.map((name) => getModel(db(), name)));
  return <ModelsList initialScope={scope} initialPage={page} details={details} />;
}
