import type { Locator, Page } from "@playwright/test";
import { test, expect, uniq } from "../fixtures";

// Live updates on an open execution page (components/live/live-execution.tsx embedded in the page
// header): new points are appended to the chart by fetching only the tail of the series, and the
// status changes in place, all without a reload.

const chart = (page: Page, key: string) => page.locator(`section[data-chart="${key}"]`);
const ready = (c: Locator) => c.locator('[data-chart-ready="true"]');
const xTo = async (c: Locator) => Number(await ready(c).getAttribute("data-x-to"));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const loss = (steps: number[]) => steps.map((s) => 1 / (1 + s / 10));

test("a chart on an open execution page grows while a client appends points, and the run turns completed in place", async ({ page, ingest }) => {
  const execution = uniq("ui-live-chart");
  await ingest([
    { op: "execution.start", pipeline: uniq("ui-live-pipe"), stage: "train", execution, name: `train ${execution}` },
    { op: "series", execution, key: "train_loss", steps: range(0, 49), values: loss(range(0, 49)) },
  ]);
  await page.goto(`/executions/${execution}`);
  const c = chart(page, "train_loss");
  await expect(ready(c)).toBeVisible({ timeout: 15_000 });
  expect(await xTo(c)).toBe(49);
  const seriesRequests: URL[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname === "/api/v1/series") seriesRequests.push(url);
  });
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "live");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // A test client (the workflow) appends points twice; the chart follows each time.
  await ingest([{ op: "series", execution, key: "train_loss", steps: range(50, 149), values: loss(range(50, 149)) }]);
  await expect.poll(() => xTo(c), { timeout: 10_000 }).toBe(149);
  await ingest([{ op: "series", execution, key: "train_loss", steps: range(150, 299), values: loss(range(150, 299)) }]);
  await expect.poll(() => xTo(c), { timeout: 10_000 }).toBe(299);
  expect(Number(await ready(c).getAttribute("data-max-points"))).toBe(300);

  // After the first load only tails were fetched: from the step after the last one shown.
  expect(seriesRequests.map((u) => u.searchParams.get("from"))).toEqual(["50", "150"]);

  await ingest([{ op: "execution.end", execution, status: "COMPLETED" }]);
  await expect(page.getByRole("heading", { level: 1 }).getByText("COMPLETED")).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("an execution page flags a run that sent nothing for the stall threshold, and clears it when data arrives", async ({ page, ingest }) => {
  const execution = uniq("ui-live-stall");
  await ingest([{ op: "execution.start", pipeline: uniq("ui-live-pipe"), stage: "train", execution, name: `train ${execution}` }]);
  // ?stall= overrides PROVSCOPE_STALL_SECONDS for this page, as on the executions table.
  await page.goto(`/executions/${execution}?stall=4`);
  const indicator = page.locator("[data-live]");
  await expect(indicator).toHaveAttribute("data-live", "stalled", { timeout: 15_000 });
  await expect(indicator).toContainText("stalled");
  await ingest([{ op: "series", execution, key: "train_loss", steps: [0, 1], values: [1, 0.5] }]);
  await expect(indicator).toHaveAttribute("data-live", "live", { timeout: 15_000 });
});
