import "server-only";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";

// Registers a model name before it has any version (MLflow's registered-models/create). Versions
// still arrive only through the model.version ingest op; this adds the empty registry entry that
// op would otherwise create on first use. Creating a name twice is a conflict, as in MLflow.
export async function createModel(db: Db, name: string) {
  const existing = await db.registeredModel.findUnique({ where: { name }, select: { id: true } });
  if (existing) throw modelExists(name);
  try {
    // A transaction, not a bare write: see createToken in lib/auth/tokens.ts.
    return await db.$transaction((tx) => tx.registeredModel.create({ data: { name }, select: { name: true, createdAt: true } }));
  } catch (err) {
    // Lost a race with another create of the same name: the unique index had the last word.
    if ((err as { code?: string }).code === "P2002") throw modelExists(name);
    throw err;
  }
}

const modelExists = (name: string) =>
  new ApiError(409, "model_exists", `model '${name}' is already registered; GET /api/v1/models/{name} shows it`);
