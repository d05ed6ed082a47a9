import { db } from "@/lib/db/client";
import { parseQuery, withApi } from "@/lib/http/handler";
import { readSeries } from "@/lib/metrics/read-series";
import { seriesQuery } from "@/lib/schemas/series";

// GET /api/v1/series — one step-metric series as at most `buckets` min/max/last buckets over a step window
export const GET = withApi(async ({ url }) => readSeries(db(), parseQuery(seriesQuery, url)), { scope: "read" });
