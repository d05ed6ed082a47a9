// Points of one (execution, key, rank) series waiting to be sent, in typed arrays: logging a point
// allocates nothing, which is what lets logMetric run at millions of calls per second.
import type { IngestOp } from "../../../lib/schemas/ingest";

type SeriesOp = Extract<IngestOp, { op: "series" }>;
const EMPTY = new Float64Array(0);
const MIN_CAPACITY = 64;

export type SeriesSegment = {
  execution: string;
  key: string;
  rank: number;
  steps: Float64Array;
  values: Float64Array;
  times: Float64Array;
};

export class SeriesBuffer {
  steps = EMPTY;
  values = EMPTY;
  times = EMPTY;
  n = 0;
  lastStep = -1;
  dirty = false; // listed among the batcher's buffers with points to send
  private hint = MIN_CAPACITY; // the size of the last segment taken: the next one is likely similar

  constructor(
    readonly execution: string,
    readonly key: string,
    readonly rank: number,
  ) {}

  push(step: number, value: number, time: number): void {
    const n = this.n;
    if (n === this.steps.length) this.grow();
    this.steps[n] = step;
    this.values[n] = value;
    this.times[n] = time;
    this.n = n + 1;
    this.lastStep = step;
  }

  // Hands the points over as a segment; the buffer starts empty (its arrays are not reused, as the
  // segment keeps them until the server has acknowledged it).
  take(): SeriesSegment {
    const n = this.n;
    const seg = {
      execution: this.execution,
      key: this.key,
      rank: this.rank,
      steps: this.steps.subarray(0, n),
      values: this.values.subarray(0, n),
      times: this.times.subarray(0, n),
    };
    this.hint = Math.max(MIN_CAPACITY, n);
    this.steps = this.values = this.times = EMPTY;
    this.n = 0;
    this.lastStep = -1;
    return seg;
  }

  private grow() {
    const capacity = Math.max(this.hint, this.steps.length * 2);
    const grown = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.steps = grown(this.steps);
    this.values = grown(this.values);
    this.times = grown(this.times);
  }
}

// JSON cannot carry NaN or ±Infinity as numbers: the API takes them as these strings.
function jsonValue(v: number): number | "NaN" | "Infinity" | "-Infinity" {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return "NaN";
  return v > 0 ? "Infinity" : "-Infinity";
}

export function segmentToOp(seg: SeriesSegment, from = 0, to = seg.steps.length): SeriesOp {
  const n = to - from;
  const steps = new Array<number>(n);
  const values = new Array<SeriesOp["values"][number]>(n);
  const times = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    steps[i] = seg.steps[from + i];
    values[i] = jsonValue(seg.values[from + i]);
    times[i] = seg.times[from + i];
  }
  return { op: "series", execution: seg.execution, key: seg.key, rank: seg.rank, steps, values, times };
}
