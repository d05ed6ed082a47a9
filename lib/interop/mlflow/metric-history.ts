import "server-only";
import type { Db } from "../../db/client";
import { fromBytes } from "../../metrics/chunk-codec";
import { formatValue } from "../../query/format";
import type { GetMetricHistoryQuery } from "../../schemas/mlflow";
import { doesNotExist, invalidParameter } from "./errors";

// GET metrics/get-history — every logged point of a metric (rank 0), decoded from the series
// chunks and ordered by step (points at the same step in the order they were logged). A metric
// that only has a final value (logged by another API, e.g. CMF) has one point at step 0.
export async function getMetricHistory(db: Db, q: GetMetricHistoryQuery) {
  const run = await db.execution.findUnique({ where: { uuid: q.runId }, select: { id: true, startedAt: true, endedAt: true } });
  if (!run) throw doesNotExist(`Run with id=${q.runId} not found`);
  const key = q.metric_key;
  const series = await db.series.findUnique({ where: { executionId_key_rank: { executionId: run.id, key, rank: 0 } }, select: { id: true } });

  let points: Array<{ key: string; value: number | string; timestamp: number; step: number }>;
  if (series) {
    const chunks = await db.seriesChunk.findMany({ where: { seriesId: series.id }, orderBy: { id: "asc" }, select: { steps: true, values: true, times: true } });
    const decoded: Array<{ step: number; value: number; time: number; order: number }> = [];
    for (const c of chunks) {
      const steps = fromBytes(c.steps);
      const values = fromBytes(c.values);
      const times = fromBytes(c.times);
      for (let i = 0; i < steps.length; i++) decoded.push({ step: steps[i], value: values[i], time: times[i], order: decoded.length });
    }
    decoded.sort((a, b) => a.step - b.step || a.order - b.order);
    points = decoded.map((p) => ({ key, value: formatValue(p.value), timestamp: p.time, step: p.step }));
  } else {
    const metric = await db.executionMetric.findUnique({ where: { executionId_key: { executionId: run.id, key } }, select: { value: true, special: true } });
    points = metric ? [{ key, value: metric.value ?? metric.special ?? "NaN", timestamp: (run.endedAt ?? run.startedAt).getTime(), step: 0 }] : [];
  }

  const offset = decodeToken(q.page_token);
  const end = q.max_results === undefined ? points.length : offset + q.max_results;
  return { metrics: points.slice(offset, end), ...(end < points.length ? { next_page_token: Buffer.from(String(end)).toString("base64url") } : {}) };
}

function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  const n = Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw invalidParameter("page_token: is not a token returned by metrics/get-history; omit it to start from the first page");
  return n;
}
