import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { safeDecode as decoded } from "@/components/executions/links";
import { ModelDetail } from "@/components/models/model-detail";
import { scopeAllows } from "@/lib/auth/token-hash";
import { db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { aliasHistory } from "@/lib/registry/alias-history";
import { getModel } from "@/lib/registry/get-model";
import { modelParams } from "@/lib/schemas/registry";
import { requireViewer } from "../../_session/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Model ${decoded((await params).name)}` };
}

// GET /models/{name} — versions, alias badges and timelines, promote/rollback, dataset contributions.
export default async function ModelPage({ params }: Props) {
  const raw = (await params).name;
  const viewer = await requireViewer(`/models/${raw}`);
  const parsed = modelParams.safeParse({ name: decoded(raw) });
  if (!parsed.success) notFound();
  const model = await getModel(db(), parsed.data.name).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });
  if (!model) notFound();
  const histories = Object.fromEntries(await Promise.all(model.aliases.map(async (a) => [a.alias, await aliasHistory(db(), model.name, a.alias)] as const)));
  // Anonymous readers (PROVSCOPE_PUBLIC_READ) and read tokens see the actions disabled.
  const canWrite = viewer !== null && scopeAllows(viewer.scope, "write");
  return <ModelDetail initial={model} histories={histories} canWrite={canWrite} actor={viewer?.name ?? "anonymous"} />;
}
