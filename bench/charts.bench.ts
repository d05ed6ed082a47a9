// Chart rendering in Chromium: 50 executions × 5,000-point series ingested into a real server,
// then the compare page overlaying all 50 curves (1,000 buckets each) opened in a fresh browser
// context; the figure is the chart's own `data-rendered-ms` (performance.now() in a task queued
// from the frame after the commit that drew every curve: ms since navigation start, so it includes
// the page load and reading the 50 series). The window re-query figure is in series.bench.ts.
// Wall times are noisy on a shared machine, so the CPU each page view cost is reported too: the
// renderer's main thread (Chromium's Performance.getMetrics), the chart's own phases (user-timing
// measures named provscope:*, see components/charts/perf.ts) and the server's processes.
import { chromium, type Page } from "@playwright/test";
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

type Visit = {
  drawn: number; // ms since navigation
  ttfb: number;
  htmlDone: number; // the document, streamed curves included, fully received
  dcl: number;
  hydrated: number; // the page's first effects ran
  arrived: number; // the streamed curves reached the page's scripts
  committed: number; // the chart's DOM, every curve in it, committed
  mainCpu: number; // renderer main thread busy, ms (navigation → drawn)
  script: number;
  layout: number; // layout + style
  unpack: number; // chart phases, ms (NaN where a build has no such measure)
  model: number;
  paths: number;
  serverCpu: number; // ms of server CPU
};

// A string, not a function: tsx would wrap inner functions in a helper the page lacks.
const PAGE_FIGURES = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  const at = (name) => performance.getEntriesByName("provscope:" + name, "mark")[0]?.startTime ?? NaN;
  const sum = (name) => {
    const e = performance.getEntriesByName("provscope:" + name, "measure");
    return e.length ? e.reduce((s, m) => s + m.duration, 0) : NaN;
  };
  return {
    ttfb: n.responseStart, htmlDone: n.responseEnd, dcl: n.domContentLoadedEventEnd,
    hydrated: at("compare:hydrated"), arrived: at("compare:curves:arrived"), committed: at("train_loss:committed"),
    unpack: sum("unpack"), model: sum("train_loss:model"), paths: sum("paths"),
  };
})()`;

async function visit(page: Page, server: BenchServer, url: string): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpu0 = server.cpuSeconds();
  await page.goto(url);
  const chart = page.locator('section[data-chart="train_loss"] [data-chart-ready="true"][data-rendered-ms]');
  await chart.waitFor({ timeout: 120_000 });
  const serverCpu = (server.cpuSeconds() - cpu0) * 1000;
  const metrics = new Map((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value * 1000]));
  const curves = Number(await chart.getAttribute("data-series-count"));
  const maxPoints = Number(await chart.getAttribute("data-max-points"));
  if (curves !== EXECUTIONS || maxPoints > 1000 || maxPoints < 900) {
    throw new Error(`charts bench: chart has ${curves} curves of up to ${maxPoints} points; expected ${EXECUTIONS} of ≤ 1,000`);
  }
  const drawn = Number(await chart.getAttribute("data-rendered-ms"));
  const f = await page.evaluate<Omit<Visit, "drawn" | "mainCpu" | "script" | "layout" | "serverCpu">>(PAGE_FIGURES);
  const m = (k: string) => metrics.get(k) ?? NaN;
  return { ...f, drawn, serverCpu, mainCpu: m("TaskDuration"), script: m("ScriptDuration"), layout: m("LayoutDuration") + m("RecalcStyleDuration") };
}

export default async function chartsBench(): Promise<BenchRow[]> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const uuids = await ingest(server);
    const url = `${server.url}/compare?executions=${uuids.join(",")}`;
    // The first visit compiles nothing (a production build) but warms the server's caches; it is
    // measured like the others and reported separately.
    const visits: Visit[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: "provscope_token", value: server.token, url: server.url }]);
      visits.push(await visit(await context.newPage(), server, url));
      await context.close();
    }
    const [cold, ...warm] = visits;
    const med = (k: keyof Visit) => median(warm.map((v) => v[k]));
    return [
      { measure: `compare page, ${EXECUTIONS} executions × 1,000 buckets overlaid: navigation → chart drawn (Chromium, median of ${RUNS})`, value: med("drawn"), unit: "ms", target: "≤ 1,500 ms" },
      { measure: `  of which: server response, first byte (the page without its curves)`, value: med("ttfb"), unit: "ms" },
      { measure: `  of which: document received, the ${EXECUTIONS} streamed curves included`, value: med("htmlDone"), unit: "ms" },
      { measure: `  of which: DOMContentLoaded`, value: med("dcl"), unit: "ms" },
      { measure: `  of which: page hydrated`, value: med("hydrated"), unit: "ms" },
      { measure: `  of which: curves handed to the page's scripts`, value: med("arrived"), unit: "ms" },
      { measure: `  of which: chart committed (drawn = painted after it)`, value: med("committed"), unit: "ms" },
      { measure: `CPU per view: browser main thread, navigation → drawn (all tasks)`, value: med("mainCpu"), unit: "ms" },
      { measure: `  of which: JavaScript`, value: med("script"), unit: "ms" },
      { measure: `  of which: style and layout`, value: med("layout"), unit: "ms" },
      { measure: `  of which: unpacking the ${EXECUTIONS} curves`, value: med("unpack"), unit: "ms" },
      { measure: `  of which: chart model (points, domains, markers)`, value: med("model"), unit: "ms" },
      { measure: `  of which: SVG paths`, value: med("paths"), unit: "ms" },
      { measure: `CPU per view: server (page, ${EXECUTIONS} series reads, scripts)`, value: med("serverCpu"), unit: "ms" },
      { measure: `the same chart, first visit after the server started`, value: cold.drawn, unit: "ms" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
