import { db } from "@/lib/db/client";
import { withMlflow } from "@/lib/interop/mlflow/handler";
import { deleteAlias, setAlias } from "@/lib/interop/mlflow/registry";
import { getModelVersionByAlias } from "@/lib/interop/mlflow/registry-read";
import { aliasRef, setAliasBody } from "@/lib/schemas/mlflow";

// POST /api/2.0/mlflow/registered-models/alias — point an alias at a version (a recorded promote)
export const POST = withMlflow(setAliasBody, (body, ctx) => setAlias(db(), body, ctx.actor), { scope: "write" });

// GET /api/2.0/mlflow/registered-models/alias — the version an alias points at
export const GET = withMlflow(aliasRef, (q) => getModelVersionByAlias(db(), q.name, q.alias), { scope: "read" });

// DELETE /api/2.0/mlflow/registered-models/alias — unset an alias (recorded in its history)
export const DELETE = withMlflow(aliasRef, (body, ctx) => deleteAlias(db(), body, ctx.actor), { scope: "write" });
