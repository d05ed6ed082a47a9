import "server-only";
import type { Tx } from "../db/client";
import { unprocessable } from "../http/errors";

// Registers the model artifact with `hash` as the next version of `model`. Registering the same
// artifact again returns the version it already has, so retries never create a second version.
export async function registerVersion(
  tx: Tx,
  input: { model: string; hash: string; executionId: number | null },
  path: string,
) {
  const candidates = await tx.artifact.findMany({
    where: { type: "model", hash: input.hash },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  const artifact = candidates.find((a) => a.name === input.model) ?? candidates[0];
  if (!artifact) {
    throw unprocessable(
      `no model artifact has hash '${input.hash}': log it first with an artifact op of type "model"`,
      `${path}.hash`,
      "unknown_artifact",
    );
  }

  const model = await tx.registeredModel.upsert({
    where: { name: input.model },
    create: { name: input.model },
    update: {},
    select: { id: true },
  });
  const existing = await tx.modelVersion.findUnique({
    where: { modelId_artifactId: { modelId: model.id, artifactId: artifact.id } },
    select: { version: true },
  });
  if (existing) return { version: existing.version, artifactId: artifact.id, created: false };

  const latest = await tx.modelVersion.findFirst({
    where: { modelId: model.id },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (latest?.version ?? 0) + 1;
  await tx.modelVersion.create({
    data: { modelId: model.id, version, artifactId: artifact.id, executionId: input.executionId },
    select: { id: true },
  });
  return { version, artifactId: artifact.id, created: true };
}
