import type { Locator, Page } from "@playwright/test";
import { test, expect, uniq, getJson } from "../fixtures";

// The executions explorer, the header search and live updates, in Chromium.

const FILTER = 'metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")';

async function seedRuns(ingest: (ops: never[]) => Promise<unknown>) {
  const pipeline = uniq("ui-explore");
  const runs = [
    ["r1", "resnet", 0.35],
    ["r2", "resnet", 0.5],
    ["b1", "bottleneck", 0.3],
    ["b2", "bottleneck", 0.45],
    ["x1", "mlp", 0.1],
  ] as const;
  await ingest(
    runs.flatMap(([name, arch, loss], i) => [
      { op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-${name}`, name, params: { arch, iteration: i + 1 }, startedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() },
      { op: "metrics", execution: `${pipeline}-${name}`, values: { test_loss: loss } },
      { op: "execution.end", execution: `${pipeline}-${name}`, status: "COMPLETED", endedAt: new Date(Date.UTC(2026, 0, 1, 0, i, 30)).toISOString() },
    ]) as never[],
  );
  return pipeline;
}

const table = (page: Page) => page.getByRole("table", { name: "Executions" });
const names = (page: Page) => table(page).locator("[data-uuid] [data-column=name]").allInnerTexts();
const row = (page: Page, uuid: string): Locator => table(page).locator(`[data-uuid="${uuid}"]`);

test("a filter with AND/OR and parentheses narrows the table, with autocomplete, and lives in the URL", async ({ page, ingest }) => {
  const pipeline = await seedRuns(ingest);
  await page.goto(`/executions?pipeline=${pipeline}`);
  await expect(table(page).locator("[data-uuid]")).toHaveCount(5);
  await expect(page.getByTestId("executions-total")).toHaveText("5 executions");

  const box = page.getByRole("combobox", { name: "Filter executions" });
  await box.click();
  await box.pressSequentially("metrics.te");
  await expect(page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first()).toContainText("metrics.test_loss");
  await box.press("Tab");
  await expect(box).toHaveValue("metrics.test_loss ");
  await box.fill(FILTER);
  await box.press("Enter");

  await expect(table(page).locator("[data-uuid]")).toHaveCount(2);
  expect((await names(page)).sort()).toEqual(["b1", "r1"]);
  await expect(page.getByTestId("executions-total")).toHaveText("2 executions");
  expect(new URL(page.url()).searchParams.get("filter")).toBe(FILTER);

  // OR without parentheses binds looser than AND: every resnet run plus the good bottleneck one.
  await box.fill('params.arch = "resnet" OR params.arch = "bottleneck" AND metrics.test_loss < 0.4');
  await box.press("Enter");
  await expect(table(page).locator("[data-uuid]")).toHaveCount(3);
  expect((await names(page)).sort()).toEqual(["b1", "r1", "r2"]);
});

test("a bad filter shows the server's message at the position it reports", async ({ page, ingest, request, admin }) => {
  const pipeline = await seedRuns(ingest);
  const bad = "metrics.test_loss < AND";
  const res = await request.get(`/api/v1/executions?${new URLSearchParams({ pipeline, filter: bad })}`, { headers: admin.headers });
  expect(res.status()).toBe(422);
  const { error } = await res.json();
  expect(error).toMatchObject({ code: "invalid_filter", path: "filter", position: 20 });

  await page.goto(`/executions?pipeline=${pipeline}`);
  await expect(table(page).locator("[data-uuid]")).toHaveCount(5);
  const box = page.getByRole("combobox", { name: "Filter executions" });
  await box.fill(bad);
  await box.press("Enter");
  const shown = page.getByTestId("filter-error");
  await expect(shown).toContainText(error.message);
  await expect(shown).toHaveAttribute("data-position", "20");
  await expect(shown.getByTestId("filter-error-mark")).toHaveText("A");
  await expect(box).toHaveAttribute("aria-invalid", "true");

  // Loaded straight from the address, the server-rendered page shows the same.
  await page.reload();
  await expect(page.getByTestId("filter-error")).toContainText(error.message);
  await expect(page.getByTestId("filter-error-mark")).toHaveText("A");
});

test("column choice and sort survive a reload", async ({ page, ingest }) => {
  const pipeline = await seedRuns(ingest);
  await page.goto(`/executions?pipeline=${pipeline}`);
  await expect(table(page).locator("[data-uuid]")).toHaveCount(5);

  await page.getByRole("button", { name: /^Columns/ }).click();
  const picker = page.getByRole("dialog", { name: "Choose columns" });
  await picker.getByRole("checkbox", { name: "Duration" }).uncheck();
  await picker.getByRole("checkbox", { name: "UUID" }).check();
  await page.keyboard.press("Escape");
  await page.getByRole("heading", { name: /Executions/ }).click();

  const header = table(page).getByRole("columnheader", { name: /test_loss/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => names(page)).toEqual(["x1", "b1", "r1", "b2", "r2"]);
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => names(page)).toEqual(["r2", "b2", "r1", "b1", "x1"]);

  const url = new URL(page.url());
  expect(url.searchParams.get("sort")).toBe("-metrics.test_loss");
  expect(url.searchParams.get("cols")?.split(",")).toContain("uuid");
  expect(url.searchParams.get("cols")?.split(",")).not.toContain("duration");

  await page.reload();
  await expect(table(page).getByRole("columnheader", { name: /test_loss/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table(page).getByRole("columnheader", { name: "UUID" })).toBeVisible();
  await expect(table(page).getByRole("columnheader", { name: "Duration" })).toHaveCount(0);
  expect(await names(page)).toEqual(["r2", "b2", "r1", "b1", "x1"]);
});

test("the header search finds an artifact by hash prefix and opens it", async ({ page, ingest }) => {
  const execution = uniq("ui-search");
  const hex = `${Date.now().toString(16)}${Math.random().toString(16).slice(2, 10)}`.padEnd(24, "0");
  const name = uniq("ood-dataset");
  await ingest([
    { op: "execution.start", pipeline: uniq("ui-search-pipe"), stage: "simulate", execution },
    { op: "artifact", execution, direction: "output", type: "dataset", name, uri: `file:///data/${name}.h5`, hash: `sha256:${hex}` },
  ]);
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Search everything" });
  // The "/" shortcut is bound once the page has hydrated, which on a loaded machine can come after load.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass();
  await search.pressSequentially(hex.slice(0, 10));
  const results = page.getByRole("listbox", { name: "Search results" });
  const hit = results.getByRole("group", { name: "Artifacts" }).getByRole("option").filter({ hasText: name });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(`sha256:${hex.slice(0, 12)}`);
  await search.press("ArrowDown");
  await search.press("ArrowUp");
  // Only the one artifact matches, so it is the one highlighted.
  await expect(results.getByRole("option", { selected: true })).toContainText(name);
  await search.press("Enter");
  await expect(page).toHaveURL(/\/artifacts\/\d+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(`sha256:${hex}`)).toBeVisible();
});

test("a running execution turns completed in the table without a reload, and a quiet one is flagged as stalled", async ({ page, ingest }) => {
  const pipeline = uniq("ui-live");
  const execution = uniq("ui-live-run");
  await ingest([{ op: "execution.start", pipeline, stage: "train", execution, name: "live run" }]);
  await page.goto(`/executions?pipeline=${pipeline}&stall=2`);
  await expect(row(page, execution)).toHaveAttribute("data-status", "RUNNING");
  // No data for more than 2 s: flagged.
  await expect(row(page, execution).getByText(/^stalled/)).toBeVisible({ timeout: 10_000 });
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await ingest([
    { op: "metrics", execution, values: { test_loss: 0.123 } },
    { op: "execution.end", execution, status: "COMPLETED" },
  ]);
  await expect(row(page, execution)).toHaveAttribute("data-status", "COMPLETED", { timeout: 10_000 });
  await expect(row(page, execution).getByText("COMPLETED")).toBeVisible();
  await expect(row(page, execution).getByText(/^stalled/)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("an execution started after the page loaded is announced, and shown on request", async ({ page, ingest }) => {
  const pipeline = await seedRuns(ingest);
  // The change feed's first poll sets its baseline once the page has hydrated, which on a loaded
  // machine can take seconds; the newcomer is ingested after that, as a live workflow's would be.
  const baseline = page.waitForResponse((r) => r.url().includes("/api/v1/changes?") && r.ok());
  // What each poll answered, for the failure message: this test has failed rarely in full runs.
  const polls: string[] = [];
  const started = Date.now();
  page.on("response", async (r) => {
    if (!r.url().includes("/api/v1/changes?")) return;
    const body = await r.json().catch(() => null);
    const uuids = ((body?.executions ?? []) as Array<{ uuid: string; createdAt: string }>).map((e) => `${e.uuid.slice(-3)}@${e.createdAt}`);
    polls.push(`+${Date.now() - started} ms ${r.status()} since=${new URL(r.url()).searchParams.has("since")} [${uuids.join(" ")}]`);
  });
  await page.goto(`/executions?pipeline=${pipeline}`);
  await expect(table(page).locator("[data-uuid]")).toHaveCount(5);
  await baseline;
  await ingest([{ op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-new`, name: "newcomer", startedAt: new Date(Date.UTC(2026, 0, 2)).toISOString() }]);
  polls.push(`+${Date.now() - started} ms newcomer ingested`);
  const banner = page.getByRole("status").filter({ hasText: "1 new execution" });
  // The feed polls every 4 s; the suite's other worker can keep the shared server busy for seconds.
  await expect(banner)
    .toBeVisible({ timeout: 20_000 })
    .catch((err: Error) => {
      throw new Error(`${err.message}\nloaded at ${page.url()}; what the change feed answered:\n${polls.join("\n")}`);
    });
  await expect(table(page).locator("[data-uuid]")).toHaveCount(5);
  await banner.getByRole("button", { name: "show" }).click();
  // "show" refetches the first page; like the banner's poll, that can take seconds on a loaded machine.
  await expect(table(page).locator("[data-uuid]")).toHaveCount(6, { timeout: 15_000 });
  expect((await names(page))[0]).toBe("newcomer");
});

test("thousands of executions scroll in a table that keeps only the visible rows in the DOM", async ({ page, ingest, request }) => {
  // 3,000 execution.start ops: one database round trip each, which on PostgreSQL takes ~30 s.
  test.setTimeout(180_000);
  const pipeline = uniq("ui-many");
  const n = 3000;
  const ops = Array.from({ length: n }, (_, i) => ({
    op: "execution.start", pipeline, stage: "train", execution: `${pipeline}-${i}`, name: `run ${String(i).padStart(4, "0")}`,
    startedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  }));
  for (let i = 0; i < n; i += 1000) await ingest(ops.slice(i, i + 1000) as never[]);
  expect((await getJson(request, `/api/v1/executions?pipeline=${pipeline}&limit=1`)).total).toBe(n);

  await page.goto(`/executions?pipeline=${pipeline}&sort=name`);
  await expect(page.getByTestId("executions-total")).toHaveText("3,000 executions");
  const rendered = () => table(page).getByRole("row").count();
  expect(await rendered()).toBeLessThan(80);
  const scroller = table(page);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(row(page, `${pipeline}-${n - 1}`)).toBeVisible({ timeout: 15_000 });
  expect(await rendered()).toBeLessThan(80);
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table(page).getByText("run 1500", { exact: true })).toBeVisible();
});
