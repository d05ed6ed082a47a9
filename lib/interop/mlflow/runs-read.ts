import "server-only";
import type { Db } from "../../db/client";
import { Params, provider } from "../../db/sql";
import { flattenParams } from "../../ingest/flatten-params";
import { parseJsonObject } from "../../query/format";
import { experimentIdOf } from "./experiments";
import { doesNotExist } from "./errors";
import { runStatusOf, tagsOf } from "./run-state";

// Executions as MLflow Run objects ({info, data, inputs}). Any execution is a run, whichever API
// logged it: run_id is the execution uuid, its pipeline the experiment.

type Tail = { step: number; time: number };

export async function getRun(db: Db, runId: string) {
  const [run] = await loadRuns(db, [runId]);
  if (!run) throw doesNotExist(`Run with id=${runId} not found`);
  return { run };
}

export type MlflowRun = Awaited<ReturnType<typeof loadRuns>>[number];

// The runs for `uuids`, in that order (unknown uuids are left out).
export async function loadRuns(db: Db, uuids: string[]) {
  if (uuids.length === 0) return [];
  const rows = await db.execution.findMany({
    where: { uuid: { in: uuids } },
    select: {
      id: true, uuid: true, name: true, status: true, params: true, properties: true, startedAt: true, endedAt: true,
      pipeline: { select: { id: true, name: true } },
      stage: { select: { name: true } },
      metrics: { select: { key: true, value: true, special: true }, orderBy: { key: "asc" } },
    },
  });
  const tails = await latestPoints(db, rows.map((r) => r.id));
  const byUuid = new Map(rows.map((r) => [r.uuid, r]));
  return uuids.flatMap((uuid) => {
    const r = byUuid.get(uuid);
    if (!r) return [];
    const properties = parseJsonObject(r.properties);
    const tags = tagsOf(properties);
    tags.set("mlflow.runName", r.name);
    tags.set("provscope.stage", r.stage.name);
    const fallbackTime = (r.endedAt ?? r.startedAt).getTime();
    const info = {
      run_id: r.uuid,
      run_uuid: r.uuid,
      run_name: r.name,
      experiment_id: experimentIdOf(r.pipeline),
      user_id: tags.get("mlflow.user") ?? "",
      status: runStatusOf(r.status, properties),
      start_time: r.startedAt.getTime(),
      ...(r.endedAt ? { end_time: r.endedAt.getTime() } : {}),
      artifact_uri: `provscope:/experiments/${experimentIdOf(r.pipeline)}/runs/${r.uuid}/artifacts`,
      lifecycle_stage: "active",
    };
    const data = {
      metrics: r.metrics.map((m) => {
        const tail = tails.get(`${r.id}\u0000${m.key}`);
        return { key: m.key, value: m.value ?? m.special ?? "NaN", timestamp: tail?.time ?? fallbackTime, step: tail?.step ?? 0 };
      }),
      params: flattenParams(parseJsonObject(r.params)).map((p) => ({ key: p.key, value: p.str ?? p.value })),
      tags: [...tags].map(([key, value]) => ({ key, value })),
    };
    return [{ info, data, inputs: {} }];
  });
}


// The step and wall time of the last point of each rank-0 series: the chunk that ends at the
// series' highest step holds it in its last 8 bytes. Read as hex because the SQLite adapter
// cannot type a blob-valued expression in a raw query.
const TAIL_SQL = {
  sqlite: `hex(substr(c."times", -8))`,
  postgresql: `encode(substring(c."times" from length(c."times") - 7), 'hex')`,
};

async function latestPoints(db: Db, executionIds: number[]): Promise<Map<string, Tail>> {
  const out = new Map<string, Tail>();
  for (let i = 0; i < executionIds.length; i += 500) {
    const p = new Params();
    const ids = executionIds.slice(i, i + 500).map(p.bind).join(", ");
    const rows = await db.$queryRawUnsafe<Array<{ e: number | bigint; k: string; s: number; t: string }>>(
      `SELECT s."executionId" AS "e", s."key" AS "k", s."maxStep" AS "s", ${TAIL_SQL[provider()]} AS "t"
         FROM "Series" s JOIN "SeriesChunk" c ON c."seriesId" = s."id" AND c."lastStep" = s."maxStep"
        WHERE s."rank" = 0 AND s."executionId" IN (${ids})
        ORDER BY c."id"`,
      ...p.values,
    );
    // Ordered by chunk id, so a later append ending at the same step wins, as in read-series.
    for (const r of rows) out.set(`${Number(r.e)}\u0000${r.k}`, { step: Number(r.s), time: fromHex(r.t) });
  }
  return out;
}

const fromHex = (hex: string) => new Float64Array(Uint8Array.from(Buffer.from(hex, "hex")).buffer)[0];
