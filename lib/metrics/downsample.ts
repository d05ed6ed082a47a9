import { formatValue, type ChunkSummary } from "./chunk-codec";
import { inOneBucket, mergeBuckets } from "./merge-buckets";

// Min/max/last downsampling of one series over equal-width step buckets, framework-free.
// Work is proportional to chunks, not points: a chunk that lies inside one bucket is merged from its
// summary; only chunks that straddle a bucket or window edge are decoded (a gapless chunk without
// its steps blob). The single points still needed (the last value and time of a bucket that ends in
// a summary-merged chunk) are asked for at the end: 16 bytes per bucket instead of whole blobs.

export type ChunkMeta = ChunkSummary & { id: number };
export type FormattedValue = ReturnType<typeof formatValue>;
// A decoded chunk. `steps` may be left out when the chunk is gapless (step i is firstStep + i), and
// `times` too: the downsampler then asks for the few single times it needs.
export type Decoded = { values: Float64Array; steps?: Float64Array; times?: Float64Array };
// One stored point to fetch: `index` is its position in chunk `id`.
export type PointRef = { id: number; index: number };
export type PointData = { value: number; time: number };

export type Bucket = {
  step: number; // first step the bucket covers
  end: number; // last step the bucket covers
  min: number | null; // over finite values; null when the bucket has none
  max: number | null;
  last: FormattedValue; // value at the greatest step in the bucket
  lastStep: number;
  time: number; // wall time (ms) of that last point
  count: number;
  nonFinite: number;
};

// Integer step buckets [from + i·width, from + (i+1)·width − 1], i < count ≤ buckets.
export type Layout = { from: number; to: number; width: number; count: number; buckets: number };

// Buckets whose last point is still to be fetched: its time always, its value when `value` is true.
export type Pending = PointRef & { bucket: number; value: boolean };
export type Downsampled = { count: number; fullResolution: boolean; width: number; buckets: Bucket[]; pending: Pending[] };

export const pointKey = (r: PointRef) => `${r.id}:${r.index}`;

// Steps are strictly increasing integers within a chunk, so this span means no gaps.
export const gapless = (c: ChunkMeta) => c.lastStep - c.firstStep === c.count - 1;

// Steps are integers (the ingest schema says so), so a window is the integer range inside [from, to].
export function bucketLayout(from: number, to: number, buckets: number): Layout | null {
  const lo = Math.ceil(from);
  const hi = Math.floor(to);
  if (!(lo <= hi) || buckets < 1) return null;
  const width = Math.max(1, Math.ceil((hi - lo + 1) / buckets));
  return { from: lo, to: hi, width, count: Math.ceil((hi - lo + 1) / width), buckets };
}

const overlaps = (l: Layout, c: ChunkMeta) => c.lastStep >= l.from && c.firstStep <= l.to;

// The chunks whose points must be decoded.
export function planDownsample(chunks: ChunkMeta[], layout: Layout): ChunkMeta[] {
  const decode: ChunkMeta[] = [];
  const whole: ChunkMeta[] = [];
  let wholePoints = 0;
  for (const c of chunks) {
    if (!overlaps(layout, c)) continue;
    if (inOneBucket(layout, c)) {
      whole.push(c);
      wholePoints += c.count;
    } else decode.push(c);
  }
  // Few enough points that the window may be shown at full resolution: decode everything (cheap).
  return wholePoints <= layout.buckets ? [...decode, ...whole] : decode;
}

// Merges the chunks in storage order (on equal steps the later chunk's point counts as last).
export function downsample(chunks: ChunkMeta[], layout: Layout, decoded: (id: number) => Decoded | undefined): Downsampled {
  const live = chunks.filter((c) => overlaps(layout, c));
  let total = 0;
  for (const c of live) {
    const d = decoded(c.id);
    total += d ? countInWindow(c, d, layout) : c.count;
  }
  const full = total <= layout.buckets;
  const { buckets, pending } = full ? everyPoint(live, layout, decoded) : mergeBuckets(live, layout, decoded);
  return { count: total, fullResolution: full, width: full ? 1 : layout.width, buckets, pending };
}

// Fills in the points asked for in `pending`.
export function completeBuckets(result: Downsampled, point: (ref: PointRef) => PointData | undefined): Bucket[] {
  for (const p of result.pending) {
    const data = point(p);
    if (!data) throw new Error(`downsample: point ${p.index} of chunk ${p.id} was not loaded`);
    const b = result.buckets[p.bucket];
    b.time = data.time;
    if (p.value) b.last = formatValue(data.value);
  }
  return result.buckets;
}

function countInWindow(c: ChunkMeta, d: Decoded, l: Layout): number {
  if (!d.steps) return Math.max(0, Math.min(c.lastStep, l.to) - Math.max(c.firstStep, l.from) + 1);
  let n = 0;
  for (let i = 0; i < d.steps.length; i++) if (d.steps[i] >= l.from && d.steps[i] <= l.to) n++;
  return n;
}

function everyPoint(chunks: ChunkMeta[], l: Layout, decoded: (id: number) => Decoded | undefined) {
  const points: Array<{ bucket: Bucket; ref: PointRef | null }> = [];
  for (const c of chunks) {
    const d = decoded(c.id);
    if (!d) throw new Error(`downsample: chunk ${c.id} was not decoded`);
    for (let i = 0; i < d.values.length; i++) {
      const s = d.steps ? d.steps[i] : c.firstStep + i;
      if (s < l.from || s > l.to) continue;
      const v = d.values[i];
      const finite = Number.isFinite(v);
      const bucket = {
        step: s, end: s, min: finite ? v : null, max: finite ? v : null, last: formatValue(v),
        lastStep: s, time: d.times ? d.times[i] : NaN, count: 1, nonFinite: finite ? 0 : 1,
      };
      points.push({ bucket, ref: d.times ? null : { id: c.id, index: i } });
    }
  }
  // Stable: points of overlapping chunks interleave by step, equal steps keep storage order.
  points.sort((a, b) => a.bucket.step - b.bucket.step);
  const pending: Pending[] = [];
  points.forEach((p, i) => p.ref && pending.push({ ...p.ref, bucket: i, value: false }));
  return { buckets: points.map((p) => p.bucket), pending };
}
