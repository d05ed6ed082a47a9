// The executions explorer in Chromium: 10,000 executions in one pipeline (written straight into a
// real server's SQLite file), the table opened in a fresh browser, scrolled steadily while pages
// load behind it, then jumped to the end. Figures: navigation → first rows, frame intervals while
// scrolling (smooth = close to the display's 16.7 ms), the rows in the DOM, and how long a jump to
// the end takes to show the last row.
import { chromium } from "@playwright/test";
import { buildExecutions } from "../lib/query/raw-executions-fixture";
import { startServer } from "./server";
import type { BenchRow } from "./table";

const EXECUTIONS = 10_000;
const FRAMES = 300;
const STEP = 60; // px per frame: 3,600 px/s at 60 Hz, a brisk wheel scroll

type ScrollRun = { frames: number[]; maxRows: number; lastRowMs: number };

// `env` lets a one-off run use its own build folder (NEXT_DIST_DIR) instead of the shared one.
export default async function exploreUiBench(env: Record<string, string> = {}): Promise<BenchRow[]> {
  const server = await startServer(env);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    buildExecutions(server.dbFile, { count: EXECUTIONS, pipelines: 1 });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies([{ name: "provscope_token", value: server.token, url: server.url }]);
    const page = await context.newPage();
    const url = `${server.url}/executions?pipeline=bench-pipeline-0`;
    // A first visit warms the server; the second is measured.
    await page.goto(url);
    await page.locator("[data-uuid]").first().waitFor();
    const started = Date.now();
    await page.goto(url);
    await page.locator("[data-uuid]").first().waitFor();
    const firstRowsMs = Date.now() - started;

    // Strings, not functions: tsx would wrap inner functions in a helper the page lacks.
    // Steady scrolling, as with a mouse wheel or trackpad: FRAMES frames of STEP px each.
    const run = await page.evaluate<ScrollRun>(`new Promise((resolve) => {
      const el = document.querySelector('[role="table"][aria-label="Executions"]');
      const deltas = [];
      let maxRows = 0;
      let frame = 0;
      let last = 0;
      const tick = (now) => {
        deltas.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, el.querySelectorAll('[role="row"]').length);
        if (++frame > ${FRAMES}) return resolve({ frames: deltas.slice(1), maxRows, lastRowMs: 0 });
        el.scrollTop += ${STEP};
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
    })`);
    // Then a jump to the very end (the scrollbar dragged down): pages load until the last row is there.
    run.lastRowMs = await page.evaluate<number>(`new Promise((resolve) => {
      const el = document.querySelector('[role="table"][aria-label="Executions"]');
      const start = performance.now();
      el.scrollTop = el.scrollHeight;
      // aria-rowindex counts the header row.
      const wait = () => el.querySelector('[aria-rowindex="${EXECUTIONS + 1}"][data-uuid]') ? resolve(performance.now() - start) : setTimeout(wait, 10);
      wait();
    })`);
    const sorted = [...run.frames].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return [
      { measure: `explorer: ${EXECUTIONS.toLocaleString("en-US")} executions, navigation → first rows (Chromium)`, value: firstRowsMs, unit: "ms" },
      { measure: `explorer: steady scroll (${STEP} px/frame, ${FRAMES} frames), frame interval p50`, value: q(0.5), unit: "ms", target: "≈ 16.7 ms (60 Hz)" },
      { measure: `explorer: steady scroll, frame interval p95`, value: q(0.95), unit: "ms", target: "≤ 33 ms" },
      { measure: `explorer: rows in the DOM while scrolling (max)`, value: run.maxRows, unit: "rows", target: "≤ 100" },
      { measure: `explorer: jump to the end → row ${EXECUTIONS.toLocaleString("en-US")} shown (pages loaded by cursor)`, value: run.lastRowMs, unit: "ms" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
