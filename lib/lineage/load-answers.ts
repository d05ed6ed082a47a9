import "server-only";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import { lineageQuery, type Lineage, type LineageQueryInput } from "../schemas/lineage";
import { subgraph } from "./subgraph";

// A page's lineage view is several lineage requests (the focus up and down, each expansion). The
// server answers them all before the first paint; a failed one (an unknown node, a node that did
// not exist yet at asOf) is reported by key, so the page can explain instead of crashing.

export type AnswerError = { status: number; code: string; message: string };
export type Answers = { answers: Record<string, Lineage>; errors: Record<string, AnswerError> };

export async function loadAnswers(db: Db, requests: Array<LineageQueryInput & { key: string }>): Promise<Answers> {
  const out: Answers = { answers: {}, errors: {} };
  for (const { key, ...query } of requests) {
    try {
      out.answers[key] = await subgraph(db, lineageQuery.parse(query));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      out.errors[key] = { status: e.status, code: e.code, message: e.message };
    }
  }
  return out;
}
