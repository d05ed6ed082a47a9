import type { Locator, Page } from "@playwright/test";
import { test, expect, uniq } from "../fixtures";

// Charts on the execution page: min/max/last buckets, spikes, non-finite markers, ranks and
// drag-to-zoom that asks the server for the window again.

const POINTS = 20_000;
const SPIKE_STEP = 12_345;

async function seedExecution(ingest: (ops: never[]) => Promise<unknown>) {
  const execution = uniq("ui-chart");
  const steps = Array.from({ length: POINTS }, (_, i) => i);
  const loss = steps.map((s) => (s === SPIKE_STEP ? 50 : 0.5 + 0.4 * Math.exp(-s / 3000) + 0.01 * Math.sin(s)));
  const val = Array.from({ length: 100 }, (_, i) => (i === 30 ? "NaN" : i === 60 ? "Infinity" : i === 90 ? "-Infinity" : 1 / (i + 1)));
  const ops = [
    { op: "execution.start", pipeline: uniq("ui-chart-pipe"), stage: "train", execution, name: `train ${execution}` },
    { op: "series", execution, key: "train_loss", steps, values: loss, times: steps.map((s) => 1.7e12 + s * 1000) },
    { op: "series", execution, key: "train_loss", rank: 1, steps: steps.slice(0, 5000), values: loss.slice(0, 5000).map((v) => v * 1.1) },
    { op: "series", execution, key: "val_loss", steps: val.map((_, i) => i), values: val },
    { op: "execution.end", execution, status: "COMPLETED" },
  ];
  await ingest(ops as never[]);
  return execution;
}

const chart = (page: Page, key: string) => page.locator(`section[data-chart="${key}"]`);
const ready = (c: Locator) => c.locator('[data-chart-ready="true"]');
const num = async (c: Locator, attr: string) => Number(await ready(c).getAttribute(attr));

async function drag(page: Page, c: Locator, fromFrac: number, toFrac: number) {
  const box = (await c.getByTestId("chart-plot").boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromFrac, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromFrac + toFrac) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * toFrac, y, { steps: 4 });
  await page.mouse.up();
}

test("a chart draws one curve per selected rank from ≤1,000 buckets, and a one-point spike survives", async ({ page, ingest }) => {
  const execution = await seedExecution(ingest);
  await page.goto(`/executions/${execution}`);
  const loss = chart(page, "train_loss");
  await expect(ready(loss)).toBeVisible();
  await expect(loss.locator("path.series-line")).toHaveCount(1);
  await expect(loss.locator("header")).toContainText("20,000 points → 1,000 buckets of 20 steps");
  expect(await num(loss, "data-max-points")).toBeLessThanOrEqual(1000);
  // The spike is one point in 20,000; its bucket's max keeps it, so the y axis reaches 50.
  expect(await num(loss, "data-y-max")).toBeGreaterThanOrEqual(50);
  await expect(loss.locator("svg text").filter({ hasText: /^50$/ })).toHaveCount(1);

  await loss.getByRole("checkbox", { name: "1" }).check();
  await expect(page).toHaveURL(/ranks\.train_loss=0(%2C|,)1/);
  await expect(loss.locator("path.series-line")).toHaveCount(2);
  await expect(loss.getByRole("list", { name: "Legend" }).getByRole("button")).toHaveCount(2);

  // NaN and ±Infinity are drawn as markers, not dropped.
  const val = chart(page, "val_loss");
  await expect(ready(val)).toBeVisible();
  await expect(val.locator("header")).toContainText("100 points, full resolution");
  for (const kind of ["NaN", "Infinity", "-Infinity"]) await expect(val.locator(`[data-marker="${kind}"]`)).toHaveCount(1);
  await expect(val.locator('[data-marker="NaN"]')).toHaveAttribute("aria-label", "1 × NaN at step 30");

  // Hovering shows exact values.
  const box = (await loss.getByTestId("chart-plot").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect(loss.getByTestId("chart-readout")).toContainText("rank 0");
  await expect(loss.getByTestId("chart-readout")).toContainText(/steps \d+–\d+ \(20 pts\)/);
  if (process.env.UI_SCREENSHOT) await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
});

test("dragging a range re-queries that window and narrows the axis; reset restores it", async ({ page, ingest }) => {
  const execution = await seedExecution(ingest);
  await page.goto(`/executions/${execution}`);
  const loss = chart(page, "train_loss");
  await expect(ready(loss)).toBeVisible();
  const [from0, to0] = [await num(loss, "data-x-from"), await num(loss, "data-x-to")];
  expect([from0, to0]).toEqual([0, POINTS - 1]);

  const windowed = page.waitForRequest((r) => r.url().includes("/api/v1/series?") && r.url().includes("key=train_loss") && /[?&]from=\d+/.test(r.url()) && /[?&]to=\d+/.test(r.url()));
  await drag(page, loss, 0.4, 0.6);
  const req = new URL((await windowed).url());
  const [from, to] = [Number(req.searchParams.get("from")), Number(req.searchParams.get("to"))];
  expect(from).toBeGreaterThan(POINTS * 0.35);
  expect(to).toBeLessThan(POINTS * 0.65);
  await expect(page).toHaveURL(/z\.train_loss=/);
  await expect.poll(async () => num(loss, "data-x-to")).toBeLessThan(POINTS * 0.65);
  expect(await num(loss, "data-x-from")).toBeGreaterThan(POINTS * 0.35);
  await expect(loss.getByTestId("zoom-window")).toBeVisible();

  // A second, narrower drag gets the window at full resolution (every point its own bucket).
  await drag(page, loss, 0.45, 0.5);
  await expect(loss.locator("header")).toContainText("full resolution");
  // The zoom is in the address: a reload shows the same window.
  const zoomed = [await num(loss, "data-x-from"), await num(loss, "data-x-to")];
  await page.reload();
  await expect(ready(chart(page, "train_loss"))).toBeVisible();
  expect([await num(chart(page, "train_loss"), "data-x-from"), await num(chart(page, "train_loss"), "data-x-to")]).toEqual(zoomed);

  await chart(page, "train_loss").getByRole("button", { name: "Reset zoom" }).click();
  await expect.poll(async () => num(chart(page, "train_loss"), "data-x-to")).toBe(POINTS - 1);
  await expect(page).not.toHaveURL(/z\.train_loss=/);
});

test("x axis by wall time, log y and smoothing are view settings kept in the address", async ({ page, ingest }) => {
  const execution = await seedExecution(ingest);
  await page.goto(`/executions/${execution}`);
  const loss = chart(page, "train_loss");
  await expect(ready(loss)).toBeVisible();
  await page.getByRole("button", { name: "wall time" }).click();
  await expect(page).toHaveURL(/x=wall/);
  await expect.poll(async () => num(loss, "data-x-from")).toBeGreaterThan(1.6e12);
  await page.getByRole("checkbox", { name: "log y" }).check();
  await expect(page).toHaveURL(/log=1/);
  await page.getByRole("slider", { name: "smoothing" }).fill("0.9");
  await expect(page).toHaveURL(/smooth=0.9/);
  await expect(loss.locator("path.series-smoothed")).toHaveCount(1);
  await page.reload();
  await expect(ready(chart(page, "train_loss"))).toBeVisible();
  await expect(page.getByRole("button", { name: "wall time" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("checkbox", { name: "log y" })).toBeChecked();
  await expect(chart(page, "train_loss").locator("path.series-smoothed")).toHaveCount(1);
});
