import "server-only";
import type { Db } from "../../db/client";
import { ApiError } from "../../http/errors";
import { getAlias } from "../../registry/get-alias";
import { parseJsonObject } from "../../query/format";
import { doesNotExist } from "./errors";

// Registry reads in MLflow's shapes: RegisteredModel and ModelVersion (version numbers as text,
// stage always "None": Provscope has aliases, not stages).

export async function requireModelRow(db: Db, name: string) {
  const model = await db.registeredModel.findUnique({ where: { name }, select: { id: true, name: true, createdAt: true } });
  if (!model) throw doesNotExist(`Registered Model with name=${name} not found`);
  return model;
}

export async function modelVersionJson(db: Db, model: { id: number; name: string }, version: number) {
  const v = await db.modelVersion.findUnique({
    where: { modelId_version: { modelId: model.id, version } },
    select: {
      id: true, version: true, createdAt: true,
      model: { select: { name: true } },
      artifact: { select: { uri: true, properties: true } },
      execution: { select: { uuid: true } },
      aliases: { select: { alias: true, updatedAt: true }, orderBy: { alias: "asc" } },
    },
  });
  if (!v) throw doesNotExist(`Model Version (name=${model.name}, version=${version}) not found`);
  const props = parseJsonObject(v.artifact.properties);
  const updated = Math.max(v.createdAt.getTime(), ...v.aliases.map((a) => a.updatedAt.getTime()));
  return {
    name: v.model.name,
    version: String(v.version),
    creation_timestamp: v.createdAt.getTime(),
    last_updated_timestamp: updated,
    user_id: "",
    current_stage: "None",
    description: typeof props.description === "string" ? props.description : "",
    source: v.artifact.uri ?? "",
    run_id: v.execution?.uuid ?? "",
    run_link: typeof props.run_link === "string" ? props.run_link : "",
    status: "READY",
    tags: [] as Array<{ key: string; value: string }>,
    aliases: v.aliases.map((a) => a.alias),
  };
}

// GET registered-models/get
export async function getRegisteredModel(db: Db, name: string) {
  const model = await requireModelRow(db, name);
  const [latest, aliases] = await Promise.all([
    db.modelVersion.findFirst({ where: { modelId: model.id }, orderBy: { version: "desc" }, select: { version: true } }),
    db.modelAlias.findMany({ where: { modelId: model.id }, orderBy: { alias: "asc" }, select: { alias: true, updatedAt: true, version: { select: { version: true } } } }),
  ]);
  const latestVersion = latest ? await modelVersionJson(db, model, latest.version) : null;
  const updated = Math.max(model.createdAt.getTime(), latestVersion?.last_updated_timestamp ?? 0, ...aliases.map((a) => a.updatedAt.getTime()));
  return {
    registered_model: {
      name: model.name,
      creation_timestamp: model.createdAt.getTime(),
      last_updated_timestamp: updated,
      description: "",
      latest_versions: latestVersion ? [latestVersion] : [],
      tags: [] as Array<{ key: string; value: string }>,
      aliases: aliases.map((a) => ({ alias: a.alias, version: String(a.version.version) })),
    },
  };
}

// GET registered-models/alias — the version an alias points at (404 when it is not set).
export async function getModelVersionByAlias(db: Db, name: string, alias: string) {
  const model = await requireModelRow(db, name);
  const current = await getAlias(db, name, alias).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) throw doesNotExist(`Registered model alias ${alias} not found (model '${name}'); set it with POST registered-models/alias`);
    throw err;
  });
  return { model_version: await modelVersionJson(db, model, current.version) };
}
