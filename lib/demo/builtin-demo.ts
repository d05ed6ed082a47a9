import "server-only";
import type { Db } from "../db/client";
import { applyBatch } from "../ingest/apply-batch";
import { promote } from "../registry/promote";
import { ingestBatchBody, type IngestBatchInput } from "../schemas/ingest";

// A small fixed picture of the paper's continual-learning workflow (Figure 4), loaded on an empty
// database so a first start shows something real to browse. It goes through the same write path
// as every client. The full computed workflow is `npm run demo`.

const PIPELINE = "continual-learning-eke";
const T0 = Date.parse("2026-11-22T08:00:00Z");
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

// Deterministic pseudo-random numbers so the demo looks the same on every machine.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function lossCurve(epochs: number, start: number, floor: number, seed: number) {
  const r = rng(seed);
  const steps = Array.from({ length: epochs }, (_, i) => i + 1);
  const train = steps.map((s) => floor + (start - floor) * Math.exp(-s / 9) * (1 + 0.05 * (r() - 0.5)));
  const val = train.map((v) => v * (1.08 + 0.04 * r()));
  return { steps, train, val };
}

function training(arch: string, iteration: number, datasets: Array<{ name: string; hash: string }>, minute: number, seed: number) {
  const uuid = `demo-train-${arch.toLowerCase()}-it${iteration}`;
  const floor = arch === "EKE-Bottleneck" ? 0.42 - 0.09 * iteration : 0.47 - 0.07 * iteration;
  const { steps, train, val } = lossCurve(40 + 10 * iteration, 1.6, floor, seed);
  const hash = `sha256:demo-${arch.toLowerCase()}-it${iteration}`;
  const ops: IngestBatchInput["ops"] = [
    {
      op: "execution.start", pipeline: PIPELINE, stage: "train", execution: uuid, name: `train ${arch} it${iteration}`,
      params: { arch: arch === "EKE-ResNet" ? "resnet" : "bottleneck", iteration, lr: 0.001, max_epochs: 800, val_loss_threshold: 0.4 },
      properties: { host: "nid001234", ranks: 1 }, startedAt: iso(minute),
    },
    ...datasets.map((d) => ({ op: "artifact" as const, execution: uuid, direction: "input" as const, type: "dataset" as const, name: d.name, hash: d.hash })),
    { op: "series", execution: uuid, key: "train_loss", steps, values: train },
    { op: "series", execution: uuid, key: "val_loss", steps, values: val },
    { op: "metrics", execution: uuid, values: { test_loss: floor + 0.05, val_loss: val[val.length - 1] } },
    { op: "artifact", execution: uuid, direction: "output", type: "model", name: arch, uri: `file:///scratch/eke/models/${arch}-it${iteration}.pt`, hash },
    { op: "model.version", model: arch, hash, execution: uuid },
    { op: "execution.end", execution: uuid, status: "COMPLETED", endedAt: iso(minute + 12) },
  ];
  return { ops, points: steps.length * 2 };
}

export async function loadBuiltinDemo(db: Db) {
  const partial = { name: "partial-dataset", hash: "sha256:demo-partial-dataset" };
  const ood = { name: "ood-samples-it1", hash: "sha256:demo-ood-samples-it1" };
  const ops: IngestBatchInput["ops"] = [
    { op: "execution.start", pipeline: PIPELINE, stage: "simulate-high", execution: "demo-phillips-high-spinup", name: "Phillips-High spin-up", properties: { ranks: 256, grid: "240x320" }, startedAt: iso(0) },
    { op: "artifact", execution: "demo-phillips-high-spinup", direction: "output", type: "dataset", name: partial.name, uri: "file:///scratch/eke/partial.h5", hash: partial.hash, size: 734003200 },
    { op: "execution.end", execution: "demo-phillips-high-spinup", status: "COMPLETED", endedAt: iso(30) },
  ];
  let points = 0;
  for (const [i, arch] of ["EKE-ResNet", "EKE-Bottleneck"].entries()) {
    const t = training(arch, 0, [partial], 31, 11 + i);
    ops.push(...t.ops);
    points += t.points;
  }
  ops.push(
    { op: "execution.start", pipeline: PIPELINE, stage: "sample-ood", execution: "demo-ood-sampler-it1", name: "OOD sampler it1", properties: { ranks: 4 }, startedAt: iso(45) },
    { op: "artifact", execution: "demo-ood-sampler-it1", direction: "output", type: "dataset", name: ood.name, uri: "file:///scratch/eke/ood-it1.h5", hash: ood.hash, size: 52428800 },
    { op: "execution.end", execution: "demo-ood-sampler-it1", status: "COMPLETED", endedAt: iso(60) },
  );
  for (const [i, arch] of ["EKE-ResNet", "EKE-Bottleneck"].entries()) {
    const t = training(arch, 1, [partial, ood], 61, 21 + i);
    ops.push(...t.ops);
    points += t.points;
  }
  const low = "demo-phillips-low-ml-eke";
  ops.push(
    { op: "execution.start", pipeline: PIPELINE, stage: "simulate-low", execution: low, name: "Phillips-Low-ML-EKE", properties: { ranks: 4, grid: "60x80" }, startedAt: iso(80) },
    { op: "artifact", execution: low, direction: "input", type: "model", name: "EKE-Bottleneck", hash: "sha256:demo-eke-bottleneck-it1" },
    { op: "series", execution: low, key: "domain_mean_eke", steps: Array.from({ length: 200 }, (_, i) => i), values: Array.from({ length: 200 }, (_, i) => 2.1 + 0.3 * Math.sin(i / 15)) },
    { op: "execution.end", execution: low, status: "COMPLETED", endedAt: iso(95) },
  );
  points += 200;
  await applyBatch(db, ingestBatchBody.parse({ batchId: "builtin-demo-v1", ops }), "demo");
  // The low-resolution run above uses Bottleneck it1 (version 2): show it as the deployed model,
  // unless someone has already moved the alias.
  const deployed = await db.modelAlias.findFirst({
    where: { alias: "deployed", model: { name: "EKE-Bottleneck" } },
    select: { id: true },
  });
  if (!deployed) {
    await promote(db, { model: "EKE-Bottleneck", alias: "deployed", version: 2, reason: "test_loss below threshold (demo)", actor: "demo" });
  }
  return { pipelines: 1, points };
}
