import { test, expect } from "../fixtures";

test.describe("dashboard session", () => {
  test("signed out, a page redirects to sign-in, and a valid token leads back", async ({ browser, baseURL, tokenFor }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/executions?pipeline=x");
    await expect(page).toHaveURL(/\/login\?next=%2Fexecutions%3Fpipeline%3Dx$/);

    await page.getByLabel("API token").fill("pvs_wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "unknown or revoked" })).toBeVisible();

    const token = await tokenFor("read");
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/executions\?pipeline=x$/);
    const cookie = (await context.cookies()).find((c) => c.name === "provscope_token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    await page.goto("/");
    await expect(page.getByText("· read")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await context.close();
  });

  test("a cookie-authenticated write from another origin is refused", async ({ request, admin }) => {
    const res = await request.post("/api/v1/batches", {
      headers: { cookie: `provscope_token=${admin.token}`, origin: "https://evil.example", "content-type": "application/json" },
      data: { batchId: "csrf", ops: [{ op: "execution.start", pipeline: "csrf", stage: "s", execution: "csrf" }] },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toMatch(/cross-origin/);
  });
});
