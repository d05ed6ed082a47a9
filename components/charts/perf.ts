// User-timing entries for the phases of drawing a chart (unpack, model, paths, drawn), named
// `provscope:<chart>:<phase>`: bench/charts.bench.ts reads them for its CPU-side breakdown, and a
// Chromium trace shows them next to React's own tracks. A measure costs a few microseconds.

const supported = () => typeof performance !== "undefined" && typeof performance.measure === "function";

export function timed<T>(name: string, run: () => T): T {
  if (!supported()) return run();
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(`provscope:${name}`, { start, end: performance.now() });
  }
}

export function mark(name: string): void {
  if (supported()) performance.mark(`provscope:${name}`);
}
