// Chart rendering in Chromium: 50 executions × 5,000-point series ingested into a real server,
// then the compare page overlaying all 50 curves (1,000 buckets each) opened in a fresh browser
// context; the figure is the chart's own `data-rendered-ms` (performance.now() two frames after
// every curve was drawn: ms since navigation start, so it includes the page load and the 50
// series requests). The window re-query figure is in series.bench.ts.
import { chromium } from "@playwright/test";
import { startServer, type BenchServer } from "./server";
import type { BenchRow } from "./table";

const EXECUTIONS = 50;
const POINTS = 5_000;
const RUNS = 5;

async function ingest(server: BenchServer): Promise<string[]> {
  const uuids = Array.from({ length: EXECUTIONS }, (_, e) => `bench-chart-${e}`);
  const ops = uuids.flatMap((execution, e) => {
    const steps = Array.from({ length: POINTS }, (_, i) => i);
    const values = steps.map((s) => (s === 2500 + e ? 5 : 0.3 + Math.exp(-s / (800 + 20 * e)) + 0.02 * Math.sin(s * 0.37 + e)));
    return [
      { op: "execution.start", pipeline: "bench-charts", stage: "train", execution, name: `train arch${e % 5} it${Math.floor(e / 5)}`, params: { arch: `arch${e % 5}` } },
      { op: "series", execution, key: "train_loss", steps, values, times: steps.map((s) => 1.7e12 + e * 1000 + s * 100) },
      { op: "metrics", execution, values: { test_loss: 0.3 + e / 1000 } },
      { op: "execution.end", execution, status: "COMPLETED" },
    ];
  });
  const res = await fetch(`${server.url}/api/v1/batches`, {
    method: "POST",
    headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ batchId: "bench-charts", ops }),
  });
  if (res.status !== 200) throw new Error(`charts bench: ingest → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return uuids;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export default async function chartsBench(): Promise<BenchRow[]> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const uuids = await ingest(server);
    const url = `${server.url}/compare?executions=${uuids.join(",")}`;
    const times: number[] = [];
    const ttfb: number[] = [];
    const dcl: number[] = [];
    // The first visit compiles nothing (a production build) but warms the server's caches; it is
    // measured like the others and reported separately.
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: "provscope_token", value: server.token, url: server.url }]);
      const page = await context.newPage();
      await page.goto(url);
      const chart = page.locator('section[data-chart="train_loss"] [data-chart-ready="true"][data-rendered-ms]');
      await chart.waitFor({ timeout: 120_000 });
      const curves = Number(await chart.getAttribute("data-series-count"));
      const maxPoints = Number(await chart.getAttribute("data-max-points"));
      if (curves !== EXECUTIONS || maxPoints > 1000 || maxPoints < 900) {
        throw new Error(`charts bench: chart has ${curves} curves of up to ${maxPoints} points; expected ${EXECUTIONS} of ≤ 1,000`);
      }
      times.push(Number(await chart.getAttribute("data-rendered-ms")));
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd };
      });
      ttfb.push(nav.ttfb);
      dcl.push(nav.dcl);
      await context.close();
    }
    const [cold, ...warm] = times;
    return [
      { measure: `compare page, ${EXECUTIONS} executions × 1,000 buckets overlaid: navigation → chart drawn (Chromium, median of ${RUNS})`, value: median(warm), unit: "ms", target: "≤ 1,500 ms" },
      { measure: `  of which: server response, first byte (page render + ${EXECUTIONS} series reads)`, value: median(ttfb.slice(1)), unit: "ms" },
      { measure: `  of which: DOMContentLoaded (page and scripts loaded)`, value: median(dcl.slice(1)), unit: "ms" },
      { measure: `the same chart, first visit after the server started`, value: cold, unit: "ms" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
