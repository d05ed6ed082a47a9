// What `deployed` points at, as the workflow uses it: the version the registry names, its bytes
// pulled from Provscope (verified against the registered hash), loaded as a model. Both Phillips-
// Low-ML-EKE and the update of the deployed model start here, never from the driver's memory.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Ctx, Logged } from "./context";
import { parseModel, type EkeModel } from "./eke-model";

export type Deployed = { modelName: string; version: number; model: EkeModel; artifact: Logged };

export async function pullDeployed(ctx: Ctx, modelName: string): Promise<Deployed> {
  const file = path.join(ctx.work.dir, `pulled-${modelName.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
  const pulled = await ctx.ps.pull(`${modelName}@deployed`, file);
  const artifact: Logged = { name: modelName, hash: pulled.digest, size: pulled.size, ...(pulled.uri ? { uri: pulled.uri } : {}) };
  return { modelName, version: pulled.version!, model: parseModel(readFileSync(pulled.file, "utf8")), artifact };
}
