// Columnar chunks: up to CHUNK_POINTS points of one series packed as little-endian Float64
// arrays. A chunk summary (step range, finite min/max, last value, count) lets the downsampler
// merge a whole chunk without decoding it when the chunk falls inside one bucket.

export const CHUNK_POINTS = 1024;

export type Points = { steps: Float64Array; values: Float64Array; times: Float64Array };

export type ChunkSummary = {
  firstStep: number;
  lastStep: number;
  count: number;
  minValue: number | null;
  maxValue: number | null;
  lastValue: number | null;
  nonFinite: number;
};

export type EncodedChunk = ChunkSummary & { steps: Uint8Array; values: Uint8Array; times: Uint8Array };

export function toBytes(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

// Blobs come back from drivers at arbitrary offsets; Float64Array needs 8-byte alignment.
export function fromBytes(b: Uint8Array): Float64Array {
  if (b.byteOffset % 8 === 0) return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
  return new Float64Array(b.slice().buffer);
}

export function summarize(steps: Float64Array, values: Float64Array): ChunkSummary {
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    } else nonFinite++;
  }
  const last = values[values.length - 1];
  const hasFinite = nonFinite < values.length;
  return {
    firstStep: steps[0],
    lastStep: steps[steps.length - 1],
    count: steps.length,
    minValue: hasFinite ? min : null,
    maxValue: hasFinite ? max : null,
    lastValue: Number.isFinite(last) ? last : null,
    nonFinite,
  };
}

// Splits one append (steps strictly increasing) into encoded chunks.
export function encodeChunks(points: Points, size = CHUNK_POINTS): EncodedChunk[] {
  const chunks: EncodedChunk[] = [];
  for (let start = 0; start < points.steps.length; start += size) {
    const end = Math.min(start + size, points.steps.length);
    const steps = points.steps.slice(start, end);
    const values = points.values.slice(start, end);
    const times = points.times.slice(start, end);
    chunks.push({ ...summarize(steps, values), steps: toBytes(steps), values: toBytes(values), times: toBytes(times) });
  }
  return chunks;
}

export function parseValue(v: number | "NaN" | "Infinity" | "-Infinity"): number {
  return typeof v === "number" ? v : Number(v);
}

// JSON cannot carry NaN or ±Infinity; they travel as the strings the ingest API accepts.
export function formatValue(v: number): number | "NaN" | "Infinity" | "-Infinity" {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
}
