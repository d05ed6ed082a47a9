import type { APIRequestContext } from "@playwright/test";
import { ADMIN_TOKEN } from "../../playwright.config";
import { test, expect, uniq, auth, getJson } from "../fixtures";

// The model page: versions, promote and rollback through dialogs (reason required, what changes
// shown, actor recorded), the alias timeline, dataset contributions, and write scope enforced.

async function seedModel(ingest: (ops: never[]) => Promise<unknown>, losses: number[]) {
  // A name that needs URL-encoding and must render as text.
  const name = `${uniq("EKE <i>Net</i>")}/τ+1`;
  const datasets = ["partial-dataset", "ood-samples-it1", "ood-samples-it2"];
  for (const [i, loss] of losses.entries()) {
    const execution = uniq(`reg-ui-${i + 1}`);
    const hash = `sha256:${execution}`;
    const ops = [
      { op: "execution.start", pipeline: uniq("reg-ui"), stage: "train", execution, name: `train v${i + 1}` },
      ...datasets.slice(0, i + 1).map((d) => ({ op: "artifact", execution, direction: "input", type: "dataset", name: `${d}-${name}`, hash: `sha256:${d}` })),
      { op: "metrics", execution, values: { test_loss: loss } },
      { op: "artifact", execution, direction: "output", type: "model", name, uri: `file:///models/${execution}.pt`, hash },
      { op: "model.version", model: name, hash, execution },
      { op: "execution.end", execution, status: "COMPLETED" },
    ];
    await ingest(ops as never[]);
  }
  return { name, path: `/models/${encodeURIComponent(name)}`, api: `/api/v1/models/${encodeURIComponent(name)}` };
}

async function createToken(request: APIRequestContext, scope: "read" | "write") {
  const name = uniq(`ui-${scope}`);
  const res = await request.post("/api/v1/tokens", { headers: auth(ADMIN_TOKEN), data: { name, scope } });
  expect(res.status()).toBe(201);
  const body = await res.json();
  return { id: body.id as number, token: body.token as string, name };
}

test("promote then rollback through the UI moves the alias and writes the timeline", async ({ page, ingest, request }) => {
  const m = await seedModel(ingest, [0.5, 0.4, 0.3]);
  await page.goto(m.path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(m.name);
  await expect(page.locator("i", { hasText: "Net" })).toHaveCount(0);
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.locator("tr[data-version]")).toHaveCount(3);

  // Promote v1 to @deployed: a reason is required and the dialog says what will change.
  await versions.locator('tr[data-version="1"]').getByRole("button", { name: "Promote…" }).click();
  let dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("what-changes")).toContainText("@deployed: not set → v1");
  await expect(dialog.getByRole("button", { name: "Promote to @deployed" })).toBeDisabled();
  await dialog.getByLabel(/Reason/).fill("first validated model");
  await dialog.getByRole("button", { name: "Promote to @deployed" }).click();
  await expect(page.getByRole("status")).toContainText("@deployed now points at v1");
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-alias="deployed"]')).toContainText("v1");

  // Promote v3: the dialog shows v1 → v3 and the metric change.
  await versions.locator('tr[data-version="3"]').getByRole("button", { name: "Promote…" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("what-changes")).toContainText("@deployed: v1 → v3");
  await expect(dialog.getByTestId("what-changes")).toContainText("better");
  await dialog.getByLabel(/Reason/).fill("it3 beats it1 on withheld data");
  await dialog.getByRole("button", { name: "Promote to @deployed" }).click();
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-alias="deployed"]')).toContainText("v3");

  // Roll back: to the previous version by default, recorded with the reason and the actor.
  const timeline = page.getByRole("region", { name: "alias deployed" });
  await timeline.getByRole("button", { name: "Roll back…" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("combobox")).toContainText("the previous version (v1)");
  await expect(dialog.getByTestId("what-changes")).toContainText("@deployed: v3 → v1");
  await dialog.getByLabel(/Reason/).fill("v3 diverged in the coupled run");
  await dialog.getByRole("button", { name: "Roll back to v1" }).click();
  await expect(page.getByRole("status")).toContainText("@deployed rolled back to v1");
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-alias="deployed"]')).toContainText("v1");

  const history = timeline.getByRole("list", { name: "history of deployed" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.first()).toHaveAttribute("data-action", "rollback");
  await expect(history.first()).toContainText("rolled back v3 → v1");
  await expect(history.first()).toContainText("v3 diverged in the coupled run");
  await expect(history.first()).toContainText("admin (PROVSCOPE_ADMIN_TOKEN)");
  await expect(timeline.getByRole("list", { name: "track of deployed" })).toHaveText(/v1\s*→\s*v3\s*↩\s*v1/);

  // The API agrees: this is what a workflow driver reads to deploy.
  const alias = await getJson(request, `${m.api}/aliases/deployed`);
  expect(alias).toMatchObject({ version: 1, artifact: { uri: expect.stringMatching(/^file:\/\/\/models\//), hash: expect.stringMatching(/^sha256:/) } });

  // Dataset contributions: each version added one dataset and lowered test_loss.
  const contributions = page.getByRole("table", { name: "Dataset contributions" });
  await expect(contributions.locator('tr[data-contribution="1-2"]')).toContainText(`+ood-samples-it1-${m.name}`);
  await expect(contributions.locator('tr[data-contribution="1-2"] td[data-verdict]')).toHaveAttribute("data-verdict", "better");
  if (process.env.UI_SCREENSHOT) await page.screenshot({ path: process.env.UI_SCREENSHOT, fullPage: true });
});

test("a read-only token is not offered promote or rollback, and the server refuses it with 403", async ({ browser, baseURL, ingest, request }) => {
  const m = await seedModel(ingest, [0.5, 0.4]);
  for (const v of [1, 2]) {
    const res = await request.post(`${m.api}/aliases/deployed`, { headers: auth(ADMIN_TOKEN), data: { version: v, reason: `setup ${v}` } });
    expect(res.status()).toBe(200);
  }
  const reader = await createToken(request, "read");
  const context = await browser.newContext();
  await context.addCookies([{ name: "provscope_token", value: reader.token, url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(m.path);
  await expect(page.getByText("needs a write-scope token", { exact: false }).first()).toBeVisible();
  for (const button of await page.getByRole("button", { name: /Promote…|Roll back…/ }).all()) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute("title", /write-scope token/);
  }
  await expect(page.getByRole("button", { name: "Roll back…" })).toHaveCount(1);

  // Going around the UI does not help: the server answers with the 403 envelope.
  const answer = await page.evaluate(async (url) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reason: "sneaky" }) });
    return { status: res.status, body: await res.json() };
  }, `${m.api}/aliases/deployed/rollback`);
  expect(answer).toEqual({ status: 403, body: { error: { code: "forbidden", message: "this token has 'read' scope; this request needs 'write'" } } });
  expect(await getJson(request, `${m.api}/aliases/deployed`)).toMatchObject({ version: 2 });
  await context.close();
});

test("a token revoked mid-session gets the server's refusal shown in the dialog, and nothing moves", async ({ browser, baseURL, ingest, request }) => {
  const m = await seedModel(ingest, [0.5, 0.4]);
  for (const v of [1, 2]) await request.post(`${m.api}/aliases/deployed`, { headers: auth(ADMIN_TOKEN), data: { version: v, reason: `setup ${v}` } });
  const writer = await createToken(request, "write");
  const context = await browser.newContext();
  await context.addCookies([{ name: "provscope_token", value: writer.token, url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(m.path);
  await page.getByRole("button", { name: "Roll back…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(`recorded as ${writer.name}`)).toBeVisible();
  await dialog.getByLabel(/Reason/).fill("v2 regressed");

  const revoked = await request.delete(`/api/v1/tokens/${writer.id}`, { headers: auth(ADMIN_TOKEN) });
  expect(revoked.status()).toBe(200);
  await dialog.getByRole("button", { name: "Roll back to v1" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("401 unauthorized");
  await expect(alert).toContainText("the API token is unknown or revoked");
  await expect(alert).toContainText("Sign in again with a write-scope token");
  await expect(dialog).toBeVisible();
  expect(await getJson(request, `${m.api}/aliases/deployed`)).toMatchObject({ version: 2 });
  await context.close();
});

test("a removed alias keeps its timeline: the removal with who, when and why, and the alias shown as removed", async ({ page, ingest, request }) => {
  const m = await seedModel(ingest, [0.5, 0.4]);
  for (const [alias, version] of [["staging", 1], ["staging", 2], ["deployed", 1]] as const) {
    const res = await request.post(`${m.api}/aliases/${alias}`, { headers: auth(ADMIN_TOKEN), data: { version, reason: `setup ${alias} v${version}` } });
    expect(res.status()).toBe(200);
  }
  // Removed the way MLflow clients remove an alias (the only remove there is).
  const removed = await request.delete("/api/2.0/mlflow/registered-models/alias", { headers: auth(ADMIN_TOKEN), params: { name: m.name, alias: "staging" } });
  expect(removed.status()).toBe(200);

  await page.goto(m.path);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading.locator('[data-alias="deployed"]')).toContainText("v1");
  await expect(heading.locator('[data-alias="staging"]')).toHaveCount(0); // not live

  const staging = page.getByRole("region", { name: "alias staging" });
  await expect(staging).toHaveAttribute("data-state", "removed");
  await expect(staging.locator('[data-alias="staging"]')).toHaveText(/@staging\s*removed/);
  await expect(staging.getByTestId("removed-note")).toContainText("removed from v2 by admin (PROVSCOPE_ADMIN_TOKEN)");
  await expect(staging.getByRole("button", { name: "Roll back…" })).toHaveCount(0);
  const history = staging.getByRole("list", { name: "history of staging" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.first()).toHaveAttribute("data-action", "remove");
  await expect(history.first()).toContainText("removed v2 → unset");
  await expect(history.first()).toContainText("admin (PROVSCOPE_ADMIN_TOKEN)");
  await expect(history.first()).toContainText("removed via MLflow API");
  await expect(history.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(staging.getByRole("list", { name: "track of staging" })).toHaveText(/v1\s*→\s*v2\s*→\s*removed/);
  await expect(page.getByRole("region", { name: "alias deployed" })).toHaveAttribute("data-state", "set");
  if (process.env.UI_SCREENSHOT) await page.screenshot({ path: process.env.UI_SCREENSHOT.replace(/\.png$/, "-removed.png"), fullPage: true });

  // Promoting a version to it sets it again; the removal stays in its history.
  await page.getByRole("table", { name: "Versions" }).locator('tr[data-version="1"]').getByRole("button", { name: "Promote…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Alias" }).fill("staging");
  await expect(dialog.getByTestId("what-changes")).toContainText("@staging: not set → v1");
  await dialog.getByLabel(/Reason/).fill("back on staging");
  await dialog.getByRole("button", { name: "Promote to @staging" }).click();
  await expect(heading.locator('[data-alias="staging"]')).toContainText("v1");
  await expect(staging).toHaveAttribute("data-state", "set");
  await expect(history).toHaveCount(4);
  await expect(history.nth(1)).toHaveAttribute("data-action", "remove");
  await expect(staging.getByRole("list", { name: "track of staging" })).toHaveText(/v1\s*→\s*v2\s*→\s*removed\s*→\s*v1/);
});

test("the models list filters by name, sorts by a column and keeps both across a reload", async ({ page, ingest }) => {
  const tag = uniq("mtable");
  // Three models of one tag with 1, 3 and 2 versions, registered through training executions.
  for (const [model, versions] of [[`${tag}-alpha`, 1], [`${tag}-beta`, 3], [`${tag}-gamma`, 2]] as const) {
    for (let v = 1; v <= versions; v++) {
      const execution = uniq(`${model}-${v}`);
      const hash = `sha256:${execution}`;
      await ingest([
        { op: "execution.start", pipeline: tag, stage: "train", execution, name: `train ${model} v${v}` },
        { op: "artifact", execution, direction: "output", type: "model", name: model, hash },
        { op: "model.version", model, hash, execution },
        { op: "execution.end", execution, status: "COMPLETED" },
      ] as never[]);
    }
  }
  await page.goto("/models");
  const table = page.getByRole("table", { name: "Registered models" });
  const names = () => table.locator("[data-model]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-model")));
  await page.getByRole("searchbox", { name: "Filter models" }).fill(tag);
  await expect(page.getByTestId("models-total")).toHaveText("3 models");
  await expect.poll(names).toEqual([`${tag}-alpha`, `${tag}-beta`, `${tag}-gamma`]);

  await table.getByRole("columnheader", { name: /Versions/ }).click();
  await expect.poll(names).toEqual([`${tag}-beta`, `${tag}-gamma`, `${tag}-alpha`]);
  await expect(page).toHaveURL(/sort=-versions/);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Filter models" })).toHaveValue(tag);
  await expect.poll(names).toEqual([`${tag}-beta`, `${tag}-gamma`, `${tag}-alpha`]);
  await table.locator(`[data-model="${tag}-gamma"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/models/${tag}-gamma$`));
});

test("a hand-edited address with an over-long text filter still renders the models and artifacts tables", async ({ page }) => {
  for (const path of ["/models", "/artifacts"]) {
    const res = await page.goto(`${path}?q=${"x".repeat(250)}`);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole("table").first()).toBeVisible();
  }
});
