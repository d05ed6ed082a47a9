import type { Page } from "@playwright/test";
import { test, expect, uniq } from "../fixtures";

// The compare page: params side by side, final metrics against a baseline, values at a step,
// overlaid curves with a shared legend, and a picker. The address holds the whole view.

async function seedRuns(ingest: (ops: never[]) => Promise<unknown>) {
  const tag = uniq("cmp");
  const pipeline = `pipe-${tag}`;
  const runs = [
    { uuid: `${tag}-a`, arch: "resnet", seed: 1, loss: 0.5 },
    { uuid: `${tag}-b`, arch: "bottleneck", seed: 1, loss: 0.4 },
    { uuid: `${tag}-c`, arch: "resnet", seed: 2, loss: 0.6 },
  ];
  const ops = runs.flatMap((r, i) => {
    const steps = Array.from({ length: 50 }, (_, s) => s);
    return [
      { op: "execution.start", pipeline, stage: "train", execution: r.uuid, name: `train ${r.uuid}`, params: { arch: r.arch, lr: 0.001, seed: r.seed, opt: { momentum: 0.9 } } },
      { op: "series", execution: r.uuid, key: "train_loss", steps, values: steps.map((s) => r.loss + 1 / (s + 1) + i * 0.01) },
      { op: "series", execution: r.uuid, key: "val_loss", steps, values: steps.map((s) => r.loss + 1.2 / (s + 1)) },
      { op: "metrics", execution: r.uuid, values: { test_loss: r.loss, accuracy: 1 - r.loss } },
      { op: "execution.end", execution: r.uuid, status: "COMPLETED" },
    ];
  });
  await ingest(ops as never[]);
  return { tag, runs };
}

const paramRow = (page: Page, key: string) => page.getByRole("table", { name: "Params side by side" }).locator(`tr[data-param="${key}"]`);

test("compare shows only the params that differ, and metric deltas coloured against the baseline", async ({ page, ingest }) => {
  const { runs } = await seedRuns(ingest);
  const [a, b, c] = runs.map((r) => r.uuid);
  await page.goto(`/compare?executions=${a},${b},${c}`);

  for (const key of ["arch", "lr", "seed", "opt.momentum"]) await expect(paramRow(page, key)).toBeVisible();
  await page.getByRole("checkbox", { name: "only differences" }).check();
  await expect(page).toHaveURL(/only=diff/);
  await expect(paramRow(page, "arch")).toBeVisible();
  await expect(paramRow(page, "seed")).toBeVisible();
  await expect(paramRow(page, "lr")).toHaveCount(0);
  await expect(paramRow(page, "opt.momentum")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Params" })).toContainText("2 of 4 differ");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "only differences" })).toBeChecked();
  await expect(paramRow(page, "lr")).toHaveCount(0);

  // a is the baseline: b's lower test_loss is better (green), c's higher is worse (red);
  // accuracy goes the other way.
  const metrics = page.getByRole("table", { name: "Final metrics" });
  const cells = (metric: string) => metrics.locator(`tr[data-metric="${metric}"] td`);
  await expect(cells("test_loss").nth(1)).toHaveAttribute("data-verdict", "better");
  await expect(cells("test_loss").nth(1).locator(".text-emerald-700")).toContainText("−0.1 (−20%)");
  await expect(cells("test_loss").nth(2)).toHaveAttribute("data-verdict", "worse");
  await expect(cells("test_loss").nth(2).locator(".text-red-700")).toBeVisible();
  await expect(cells("accuracy").nth(1)).toHaveAttribute("data-verdict", "better");

  // Another baseline, and a metric whose direction is switched by hand.
  await page.getByRole("list", { name: "Compared executions" }).getByRole("listitem").nth(2).getByRole("button", { name: "set baseline" }).click();
  await expect(page).toHaveURL(new RegExp(`baseline=${c}`));
  await expect(cells("test_loss").nth(0)).toHaveAttribute("data-verdict", "better");
  await metrics.getByRole("button", { name: "direction of test_loss: ↓ lower is better" }).click();
  await expect(cells("test_loss").nth(0)).toHaveAttribute("data-verdict", "worse");
  await expect(page).toHaveURL(/dir=test_loss(%3A|:)max/);

  // Values at a chosen step (the server reads the series).
  await page.getByLabel("value at step").fill("9");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/step=9/);
  const atStep = page.getByRole("table", { name: "Values at step" });
  await expect(atStep.locator('tr[data-metric="val_loss"] td').nth(0)).toContainText("0.62"); // 0.5 + 1.2/10
});

test("curves of several executions overlay with stable colours and a legend that hides them", async ({ page, ingest }) => {
  const { runs } = await seedRuns(ingest);
  const uuids = runs.map((r) => r.uuid);
  await page.goto(`/compare?executions=${uuids.join(",")}`);
  for (const key of ["train_loss", "val_loss"]) {
    const c = page.locator(`section[data-chart="${key}"]`);
    await expect(c.locator('[data-chart-ready="true"]')).toBeVisible();
    await expect(c.locator("path.series-line")).toHaveCount(3);
  }
  // The same execution has the same colour on every chart.
  for (const u of uuids) {
    const strokes = await page.locator(`path.series-line[data-curve="${u}"]`).evaluateAll((els) => els.map((e) => e.getAttribute("stroke")));
    expect(strokes).toHaveLength(2);
    expect(new Set(strokes).size).toBe(1);
  }
  // Hovering reads every curve's exact value at that step, highest first.
  const train = page.locator('section[data-chart="train_loss"]');
  const box = (await train.getByTestId("chart-plot").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  const readout = train.getByTestId("chart-readout");
  await expect(readout.locator("tr")).toHaveCount(3);
  await expect(readout.locator("tr").first()).toContainText(`train ${uuids[2]}`); // loss 0.6 + 1/(s+1) + 0.02
  await expect(readout).toContainText(/step (2[0-9])/);
  await page.mouse.move(0, 0);

  const legend = page.getByRole("list", { name: "Executions", exact: true });
  await legend.getByRole("button", { name: `train ${uuids[1]}` }).click();
  await expect(page).toHaveURL(new RegExp(`hide=${uuids[1]}`));
  await expect(page.locator('section[data-chart="train_loss"] path.series-line')).toHaveCount(2);
  await expect(page.locator(`path.series-line[data-curve="${uuids[1]}"]`)).toHaveCount(0);
  await expect(legend.getByRole("button", { name: `train ${uuids[1]}` })).toHaveAttribute("aria-pressed", "false");
  if (process.env.UI_SCREENSHOT) await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
});

test("the picker finds executions by name and adds them to the address", async ({ page, ingest }) => {
  const { tag, runs } = await seedRuns(ingest);
  await page.goto(`/compare?executions=${runs[0].uuid}`);
  await page.getByRole("searchbox", { name: "Search executions to compare" }).fill(`${tag}-b`);
  const results = page.getByRole("list", { name: "Matching executions" });
  await expect(results.getByRole("button")).toHaveCount(1);
  await results.getByRole("button", { name: new RegExp(`train ${tag}-b`) }).click();
  await expect(page).toHaveURL(new RegExp(`executions=${runs[0].uuid},${runs[1].uuid}`));
  await expect(page.getByRole("list", { name: "Compared executions" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.locator('section[data-chart="train_loss"] path.series-line')).toHaveCount(2);
});

test("unknown executions in a shared link are reported, not fatal", async ({ page, ingest }) => {
  const { runs } = await seedRuns(ingest);
  await page.goto(`/compare?executions=${runs[0].uuid},no-such-run-${uniq("x")}`);
  await expect(page.getByRole("alert").filter({ hasText: "No execution with uuid" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Compared executions" }).getByRole("listitem")).toHaveCount(1);
  await page.goto(`/compare?step=-3`);
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toContainText("step");
});
