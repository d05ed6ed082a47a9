import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArtifactView } from "@/components/artifacts/artifact-view";
import { db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { getArtifact } from "@/lib/query/get-artifact";
import { artifactParams } from "@/lib/schemas/query";
import { requireViewer } from "../../_session/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Artifact ${id}` };
}

// GET /artifacts/{id} — type, name, hash, uri, size, properties, producers, consumers, model versions.
export default async function ArtifactPage({ params }: Props) {
  const raw = await params;
  await requireViewer(`/artifacts/${raw.id}`);
  const parsed = artifactParams.safeParse(raw);
  if (!parsed.success || parsed.data.id > 2_147_483_647) notFound();
  const artifact = await getArtifact(db(), parsed.data.id).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });
  if (!artifact) notFound();
  return <ArtifactView artifact={artifact} />;
}
