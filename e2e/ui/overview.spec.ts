import { test, expect, uniq } from "../fixtures";

// Every test shares one server with the others running in parallel. Starting this test's
// executions a few minutes ahead of the clock keeps them at the top of "recent" (and their
// pipeline among the most recently active) however much the other tests ingest meanwhile.
const ahead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

test("the overview shows a pipeline's stages with status counts and its latest executions", async ({ page, ingest }) => {
  const pipeline = uniq("ui-overview");
  const ok = uniq("ui-ok");
  const bad = uniq("ui-bad");
  await ingest([
    { op: "execution.start", pipeline, stage: "simulate", execution: ok, name: `simulate ${ok}`, startedAt: ahead(5) },
    { op: "metrics", execution: ok, values: { test_loss: 0.25 } },
    { op: "execution.end", execution: ok, status: "COMPLETED", endedAt: ahead(6) },
    { op: "execution.start", pipeline, stage: "train", execution: bad, name: `train ${bad}`, startedAt: ahead(7) },
    { op: "execution.end", execution: bad, status: "FAILED", endedAt: ahead(8) },
  ]);

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Provscope", exact: true })).toHaveAttribute("href", "/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, href] of [["Overview", "/"], ["Executions", "/executions"], ["Lineage", "/lineage"], ["Models", "/models"], ["API", "/api/v1/openapi.json"]]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("href", href);
  }
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  // The pipeline's card: both stages, each with its one execution counted under its status.
  const card = page.getByRole("region", { name: pipeline, exact: true });
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: pipeline })).toHaveAttribute("href", `/executions?pipeline=${encodeURIComponent(pipeline)}`);
  const simulate = card.getByRole("row").filter({ hasText: "simulate" });
  const train = card.getByRole("row").filter({ hasText: "train" });
  await expect(simulate).toContainText("running 0");
  await expect(simulate).toContainText("completed 1");
  await expect(simulate).toContainText("failed 0");
  await expect(train).toContainText("completed 0");
  await expect(train).toContainText("failed 1");

  // Both executions in the recent table, with pipeline, stage, status and final metrics.
  const recent = page.getByRole("table", { name: "Recent executions" });
  const okRow = recent.getByRole("row").filter({ hasText: ok });
  const badRow = recent.getByRole("row").filter({ hasText: bad });
  await expect(okRow.getByRole("link", { name: `simulate ${ok}` })).toHaveAttribute("href", `/executions/${ok}`);
  await expect(okRow).toContainText(pipeline);
  await expect(okRow.getByText("COMPLETED", { exact: true })).toBeVisible();
  await expect(okRow).toContainText("test_loss 0.25");
  await expect(okRow).toContainText("1 min 00 s");
  await expect(badRow.getByText("FAILED", { exact: true })).toBeVisible();
  await expect(badRow).toContainText("train");
  // Badges carry their status colour, not one neutral style for all.
  await expect(okRow.getByText("COMPLETED", { exact: true })).toHaveClass(/emerald/);
  await expect(badRow.getByText("FAILED", { exact: true })).toHaveClass(/red/);

  if (process.env.UI_SCREENSHOT) await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
});

test("names are rendered as text, never as markup", async ({ page, ingest }) => {
  const pipeline = `<img src=x onerror=alert(1)>-${uniq("xss")}`;
  const execution = uniq("ui-xss");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await ingest([
    { op: "execution.start", pipeline, stage: "<b>stage</b>", execution, name: `<script>alert(2)</script>${execution}`, startedAt: ahead(5) },
    { op: "execution.end", execution, status: "COMPLETED", endedAt: ahead(6) },
  ]);

  await page.goto("/");
  await page.waitForLoadState("load");
  await expect(page.getByRole("region", { name: pipeline, exact: true })).toBeVisible();
  await expect(page.getByText(pipeline, { exact: true }).first()).toBeVisible();
  await expect(page.getByText("<b>stage</b>", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`<script>alert(2)</script>${execution}`, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: "stage" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
