import type { Metadata } from "next";
import { ModelsList } from "@/components/models/models-list";
import { db } from "@/lib/db/client";
import { getModel } from "@/lib/registry/get-model";
import { listModels } from "@/lib/registry/list-models";
import { requireViewer } from "../_session/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

// The cross-model contributions table reads every model's versions; past this many models it
// covers the first ones by name (the list itself is always complete).
const MAX_DETAILED = 50;

// GET /models — registered models, and which added datasets improved which architecture.
export default async function ModelsPage() {
  await requireViewer("/models");
  const { models } = await listModels(db());
  const details = await Promise.all(models.slice(0, MAX_DETAILED).map((m) => getModel(db(), m.name)));
  return <ModelsList models={models} details={details} />;
}
