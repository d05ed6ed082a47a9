import { test, expect, uniq, auth } from "../fixtures";

// The admin page for API tokens: create (the secret shown once, never in the URL or on a later
// page), list, revoke; and nothing of it for a session without admin scope.

test("an admin creates a token, sees its secret once, and revokes it", async ({ page, request }) => {
  const name = uniq("ui-token");
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("table", { name: "API tokens" }).getByText("this session")).toBeVisible();

  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("radio", { name: /read/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const notice = page.getByRole("region", { name: "New token" });
  await expect(notice).toContainText(`Token ‘${name}’ (read) created`);
  const secret = await notice.getByRole("textbox", { name: "Token secret" }).inputValue();
  expect(secret).toMatch(/^pvs_/);
  await page.screenshot({ path: "/tmp/sec-tokens-created.png", fullPage: true });
  // The secret works, and it never travelled in a URL.
  expect((await request.get("/api/v1/session", { headers: auth(secret) })).status()).toBe(200);
  expect(urls.some((u) => u.includes(secret))).toBe(false);
  expect(page.url()).not.toContain(secret);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${secret.slice(0, 8)}…`);
  await expect(row).toContainText("active");
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(secret);
  await expect(row).toContainText("read");

  await row.getByRole("button", { name: /Revoke token/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("stops authenticating at once");
  await page.screenshot({ path: "/tmp/sec-tokens-revoke.png" });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0); // revoked ones are hidden by default
  await page.getByLabel(/show revoked/).check();
  await expect(page).toHaveURL(/\?revoked=1$/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("revoked");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("revoked"); // the view state survives a reload
  expect((await request.get("/api/v1/session", { headers: auth(secret) })).status()).toBe(401);
  expect(await page.content()).not.toContain(secret);
});

test("a session without admin scope gets no token management", async ({ browser, baseURL, tokenFor }) => {
  for (const scope of ["read", "write"] as const) {
    const context = await browser.newContext({ baseURL });
    await context.addCookies([{ name: "provscope_token", value: await tokenFor(scope), url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/settings/tokens");
    await expect(page.getByText("Managing tokens needs an admin token")).toBeVisible();
    await expect(page.getByText(`with ${scope} scope`)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
    // The API refuses the session's cookie too, whatever the page shows.
    const res = await page.evaluate(async () => (await fetch("/api/v1/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", scope: "admin" }) })).status);
    expect(res).toBe(403);
    await context.close();
  }
});
