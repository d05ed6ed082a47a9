// Lineage explorer in Chromium: time from navigation to a laid-out, painted graph of 2,000+
// visible nodes, and how smooth panning it is. A real production server, a graph ingested through
// POST /api/v1/batches, the page signed in with the admin token as a session cookie.
import { loadavg } from "node:os";
import { chromium, type Page } from "@playwright/test";
import { rng } from "../lib/lineage/raw-graph-fixture";
import { startServer, type BenchServer } from "./server";
import type { BenchRow } from "./table";

const LAYERS = 20;
const RUNS_PER_LAYER = 42; // ≈ 2.5 nodes per run: 20 × 42 runs + their outputs ≥ 2,000 nodes
const LOADS = 4; // the first load also compiles the page's JavaScript; the rest are measured
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

type Op = Record<string, unknown>;

// A layered workflow below one root dataset: each run of layer l reads 2–3 outputs of layer l−1
// (layer 1 reads the root) and writes 1–2 artifacts, so everything is downstream of the root
// within 2 × LAYERS steps.
export async function ingestGraph(server: BenchServer): Promise<{ root: number; nodes: number }> {
  const random = rng(11);
  const post = async (batchId: string, ops: Op[]) => {
    const res = await fetch(`${server.url}/api/v1/batches`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body: JSON.stringify({ batchId, ops }),
    });
    if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { results: Array<{ artifactId?: number }> };
  };
  const art = (name: string) => ({ type: "dataset", name, hash: `sha256:${name}` });
  let previous = [art("root")];
  let nodes = 1;
  let root = 0;
  for (let l = 1; l <= LAYERS; l++) {
    const ops: Op[] = [];
    const outputs: ReturnType<typeof art>[] = [];
    for (let r = 0; r < RUNS_PER_LAYER; r++) {
      const execution = `L${l}-r${r}`;
      ops.push({ op: "execution.start", pipeline: "bench-ui", stage: `layer-${l}`, execution, name: `step ${l}.${r}` });
      const inputs = new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => previous[Math.floor(random() * previous.length)]));
      for (const a of inputs) ops.push({ op: "artifact", execution, direction: "input", ...a });
      for (let o = 0; o < 1 + Math.floor(random() * 2); o++) {
        const a = { ...art(`L${l}-r${r}-o${o}`), type: o === 0 ? "dataset" : "model" };
        outputs.push(a);
        ops.push({ op: "artifact", execution, direction: "output", ...a });
      }
      ops.push({ op: "execution.end", execution, status: random() < 0.05 ? "FAILED" : "COMPLETED" });
      nodes += 1;
    }
    const res = await post(`bench-ui-${l}`, ops);
    if (l === 1) root = res.results.find((x) => x.artifactId !== undefined)!.artifactId!;
    nodes += outputs.length;
    previous = outputs;
  }
  return { root, nodes };
}

type Probe = { layoutMs: number; computeMs: number; syncMs: number; syncStartedAt: number; nodes: number };

async function load(page: Page, url: string): Promise<Probe> {
  await page.goto(url);
  await page.waitForFunction(() => (window.__provscopeLineage?.nodes ?? 0) >= 2000, null, { timeout: 120_000 });
  return page.evaluate(() => {
    const p = window.__provscopeLineage!;
    return { layoutMs: p.layoutMs, computeMs: p.computeMs, syncMs: p.syncMs, syncStartedAt: p.syncStartedAt, nodes: p.nodes };
  });
}

// Drag the graph for ~1.5 s while recording the interval between animation frames.
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.getByTestId("lineage-canvas").boundingBox())!;
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 90; i++) {
    await page.mouse.move(cx + Math.sin(i / 10) * 300, cy + Math.cos(i / 10) * 150);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate<number[]>(`(() => {
    window.__stop = true;
    return window.__frames.slice(2);
  })()`);
}

export default async function lineageUiBench(): Promise<BenchRow[]> {
  const server = await startServer(process.env.BENCH_NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.BENCH_NEXT_DIST_DIR } : {});
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const { root, nodes } = await ingestGraph(server);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies([{ name: "provscope_token", value: server.token, url: server.url }]);
    const page = await context.newPage();
    // Everything downstream of the root, unclustered, so all of it is drawn.
    const url = `${server.url}/lineage?node=artifact:${root}&up=0&down=${2 * LAYERS}&max=5000&cluster=0`;
    const probes: Probe[] = [];
    for (let i = 0; i < LOADS; i++) probes.push(await load(page, url));
    const measured = probes.slice(1);
    const frames = await panFrames(page);
    // Browser timings scale with how busy the machine is; say so next to them.
    const loadAverage = loadavg()[0];
    const shown = measured[0].nodes;
    return [
      { measure: `lineage UI: graph ingested for the page (nodes downstream of one dataset)`, value: nodes, unit: "nodes" },
      { measure: `lineage UI: navigation → laid out and painted, ${shown} visible nodes (median of ${measured.length})`, value: median(measured.map((p) => p.layoutMs)), unit: "ms", target: "≤ 2,000 ms for 2,000 visible nodes" },
      { measure: "lineage UI: … of which page load, hydration, graph merge (navigation → graph sync)", value: median(measured.map((p) => p.syncStartedAt)), unit: "ms" },
      { measure: "lineage UI: … of which layered layout computation", value: median(measured.map((p) => p.computeMs)), unit: "ms" },
      { measure: "lineage UI: … of which cytoscape element sync", value: median(measured.map((p) => p.syncMs)), unit: "ms" },
      { measure: `lineage UI: frame interval while panning ${shown} nodes, p95`, value: quantile(frames, 0.95), unit: "ms", target: "≤ 50 ms (smooth ≥ 20 fps)" },
      { measure: "lineage UI: machine load average (1 min) at the end of the run", value: loadAverage, unit: "" },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
