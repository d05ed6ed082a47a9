import { formatValue } from "./chunk-codec";
import type { Bucket, ChunkMeta, Decoded, Layout, Pending } from "./downsample";

// Bucket mode of the downsampler: per-bucket accumulators filled chunk by chunk, from summaries where
// a chunk lies inside one bucket and from decoded points otherwise.

export const bucketOf = (l: Layout, step: number) => Math.floor((step - l.from) / l.width);
export const inOneBucket = (l: Layout, c: ChunkMeta) =>
  c.firstStep >= l.from && c.lastStep <= l.to && bucketOf(l, c.firstStep) === bucketOf(l, c.lastStep);

type Acc = {
  count: Float64Array;
  nonFinite: Float64Array;
  min: Float64Array;
  max: Float64Array;
  lastStep: Float64Array;
  lastValue: Float64Array;
  lastTime: Float64Array;
  lastChunk: Int32Array; // index into chunks of the chunk holding the bucket's last point
  lastIndex: Int32Array; // its position in that chunk
};

export function mergeBuckets(chunks: ChunkMeta[], l: Layout, decoded: (id: number) => Decoded | undefined) {
  const n = l.count;
  const a: Acc = {
    count: new Float64Array(n),
    nonFinite: new Float64Array(n),
    min: new Float64Array(n).fill(Infinity),
    max: new Float64Array(n).fill(-Infinity),
    lastStep: new Float64Array(n).fill(-Infinity),
    lastValue: new Float64Array(n).fill(NaN), // NaN marks "value still to fetch"
    lastTime: new Float64Array(n).fill(NaN),
    lastChunk: new Int32Array(n),
    lastIndex: new Int32Array(n),
  };
  chunks.forEach((c, ci) => {
    const d = decoded(c.id);
    if (d) return d.steps ? mergeSteps(d, d.steps, ci, l, a) : mergeGapless(c, d, ci, l, a);
    if (!inOneBucket(l, c)) throw new Error(`downsample: chunk ${c.id} straddles buckets but was not decoded`);
    const b = bucketOf(l, c.firstStep);
    a.count[b] += c.count;
    a.nonFinite[b] += c.nonFinite;
    if (c.minValue !== null && c.minValue < a.min[b]) a.min[b] = c.minValue;
    if (c.maxValue !== null && c.maxValue > a.max[b]) a.max[b] = c.maxValue;
    if (c.lastStep >= a.lastStep[b]) setLast(a, b, c.lastStep, c.lastValue ?? NaN, NaN, ci, c.count - 1);
  });

  const buckets: Bucket[] = [];
  const pending: Pending[] = [];
  for (let b = 0; b < n; b++) {
    if (a.count[b] === 0) continue;
    if (Number.isNaN(a.lastTime[b])) {
      pending.push({ id: chunks[a.lastChunk[b]].id, index: a.lastIndex[b], bucket: buckets.length, value: Number.isNaN(a.lastValue[b]) });
    }
    const start = l.from + b * l.width;
    buckets.push({
      step: start,
      end: Math.min(l.to, start + l.width - 1),
      min: a.min[b] === Infinity ? null : a.min[b],
      max: a.max[b] === -Infinity ? null : a.max[b],
      last: formatValue(a.lastValue[b]),
      lastStep: a.lastStep[b],
      time: a.lastTime[b],
      count: a.count[b],
      nonFinite: a.nonFinite[b],
    });
  }
  return { buckets, pending };
}

function setLast(a: Acc, b: number, step: number, value: number, time: number, chunk: number, index: number) {
  a.lastStep[b] = step;
  a.lastValue[b] = value;
  a.lastTime[b] = time;
  a.lastChunk[b] = chunk;
  a.lastIndex[b] = index;
}

// Steps increase within a chunk, so points are merged one bucket run at a time.
function mergeSteps(d: Decoded, steps: Float64Array, ci: number, l: Layout, a: Acc) {
  let i = 0;
  while (i < steps.length && steps[i] < l.from) i++;
  while (i < steps.length && steps[i] <= l.to) {
    const b = bucketOf(l, steps[i]);
    const stop = Math.min(l.to, l.from + (b + 1) * l.width - 1);
    let j = i;
    while (j < steps.length && steps[j] <= stop) j++;
    mergeRun(d, i, j, steps[j - 1], b, ci, a);
    i = j;
  }
}

// Gapless: bucket boundaries are index arithmetic, no step is read.
function mergeGapless(c: ChunkMeta, d: Decoded, ci: number, l: Layout, a: Acc) {
  const end = Math.min(d.values.length, l.to - c.firstStep + 1);
  let i = Math.max(0, l.from - c.firstStep);
  while (i < end) {
    const b = bucketOf(l, c.firstStep + i);
    const j = Math.min(end, l.from + (b + 1) * l.width - c.firstStep);
    mergeRun(d, i, j, c.firstStep + j - 1, b, ci, a);
    i = j;
  }
}

// Points [i, j) of a chunk, all in bucket b; `lastStep` is the step of point j − 1.
function mergeRun(d: Decoded, i: number, j: number, lastStep: number, b: number, ci: number, a: Acc) {
  const values = d.values;
  let lo = a.min[b];
  let hi = a.max[b];
  let bad = 0;
  for (let k = i; k < j; k++) {
    const v = values[k];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v !== v || v === Infinity || v === -Infinity) bad++;
  }
  // NaN never wins a comparison; ±Infinity may have, so redo the run without them.
  if (bad > 0 && (lo === -Infinity || hi === Infinity)) {
    lo = a.min[b];
    hi = a.max[b];
    for (let k = i; k < j; k++) {
      const v = values[k];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  a.min[b] = lo;
  a.max[b] = hi;
  a.count[b] += j - i;
  a.nonFinite[b] += bad;
  // Without times the time is fetched later (a NaN value is then fetched again too: harmless).
  if (lastStep >= a.lastStep[b]) setLast(a, b, lastStep, values[j - 1], d.times ? d.times[j - 1] : NaN, ci, j - 1);
}
