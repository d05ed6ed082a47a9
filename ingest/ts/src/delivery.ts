// Delivers one batch: retries with the same batchId until the server answers (the server stores
// the batch id with its result, so a retry after a lost answer writes nothing twice), then isolates
// what it refused. A batch is all-or-nothing, so after a 422 the other ops were not written and can
// go again under a new id without the one at fault; a 413 splits the batch in halves.
import type { IngestBatchInput, IngestBatchResponse } from "../../../lib/schemas/ingest";
import type { HttpClient } from "./client";
import type { ProvscopeError } from "./errors";
import { asProvscopeError, backoffMs, shouldRetry, sleep, type RetryPolicy } from "./retry";
import { segmentToOp, type SeriesSegment } from "./series-buffer";

export type OpInput = IngestBatchInput["ops"][number];
export type Item = { op: OpInput; seg?: undefined } | { op?: undefined; seg: SeriesSegment };
export type AttemptInfo = { batchId: string; attempt: number; retrying: boolean };

export const itemPoints = (item: Item) => (item.seg ? item.seg.steps.length : 0);

export function batchBody(batchId: string, items: Item[]): string {
  return JSON.stringify({ batchId, ops: items.map((it) => (it.seg ? segmentToOp(it.seg) : it.op)) });
}

export type DeliveryHooks = {
  newBatchId: () => string;
  attemptFailed: (err: ProvscopeError, info: AttemptInfo) => void;
  delivered: (items: Item[], response: IngestBatchResponse) => void;
  rejected: (items: Item[], err: ProvscopeError) => void;
};

export class Delivery {
  constructor(
    private readonly client: HttpClient,
    private readonly policy: RetryPolicy,
    private readonly hooks: DeliveryHooks,
    private readonly signal: AbortSignal,
  ) {}

  // POSTs one serialised batch until it is answered; throws the final error.
  async post(batchId: string, body: string): Promise<IngestBatchResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.request<IngestBatchResponse>("POST", "/api/v1/batches", { body, signal: this.signal });
      } catch (e) {
        const err = asProvscopeError(e);
        const retrying = !this.signal.aborted && shouldRetry(err, attempt, this.policy);
        this.hooks.attemptFailed(err, { batchId, attempt, retrying });
        if (!retrying) throw err;
        await sleep(backoffMs(attempt, this.policy), this.signal);
      }
    }
  }

  // Never throws: whatever cannot be delivered is handed to hooks.rejected with its error.
  async deliver(batchId: string, items: Item[]): Promise<void> {
    let id = batchId;
    let rest = items;
    while (rest.length > 0) {
      try {
        this.hooks.delivered(rest, await this.post(id, batchBody(id, rest)));
        return;
      } catch (e) {
        const err = asProvscopeError(e);
        if (this.signal.aborted) return this.hooks.rejected(rest, err);
        const bad = err.status === 422 ? opIndex(err.path) : null;
        if (bad !== null && bad < rest.length && rest.length > 1) {
          this.hooks.rejected([rest[bad]], err);
          rest = rest.filter((_, i) => i !== bad);
          id = this.hooks.newBatchId();
          continue;
        }
        const halves = err.status === 413 ? split(rest) : null;
        if (halves) {
          await this.deliver(this.hooks.newBatchId(), halves[0]);
          await this.deliver(this.hooks.newBatchId(), halves[1]);
          return;
        }
        return this.hooks.rejected(rest, err);
      }
    }
  }
}

function opIndex(path: string | undefined): number | null {
  const m = path?.match(/^ops\.(\d+)(\.|$)/);
  return m ? Number(m[1]) : null;
}

function split(items: Item[]): [Item[], Item[]] | null {
  if (items.length > 1) {
    const mid = Math.ceil(items.length / 2);
    return [items.slice(0, mid), items.slice(mid)];
  }
  const seg = items[0]?.seg;
  if (!seg || seg.steps.length < 2) return null;
  const mid = Math.ceil(seg.steps.length / 2);
  const part = (from: number, to: number): Item => ({
    seg: { ...seg, steps: seg.steps.subarray(from, to), values: seg.values.subarray(from, to), times: seg.times.subarray(from, to) },
  });
  return [[part(0, mid)], [part(mid, seg.steps.length)]];
}
