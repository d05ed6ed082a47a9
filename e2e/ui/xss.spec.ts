import type { Page } from "@playwright/test";
import { test, expect, uniq, getJson } from "../fixtures";

// Rendering safety: names, params, properties, facets, reasons and series keys that carry HTML and
// JavaScript are ingested through the API, then every page showing them is visited. Nothing may
// run (no flag set, no dialog), no Content-Security-Policy violation may be reported (which would
// mean markup reached the DOM and only the policy stopped it), and the text shows as text.

// Each payload would set window.__xss (or open a dialog) if it ever ran.
const X = {
  pipeline: `<img src=x onerror="window.__xss='pipeline'">`,
  stage: `<script>window.__xss='stage'</script>`,
  name: `<svg onload="window.__xss='name'">train`,
  param: `<img src=x onerror=alert('param')>`,
  property: `<iframe src="javascript:window.__xss='property'"></iframe>`,
  uri: `javascript:window.__xss='uri'`,
  artifact: `<a href="javascript:alert('artifact')">dataset</a>`,
  metric: `<b onmouseover="window.__xss='metric'">acc</b>`,
  series: `<script>alert('series')</script>`,
  model: `<img src=x onerror=alert(1)> model`,
  reason: `</textarea><script>window.__xss='reason'</script>`,
  facet: `<img src=x onerror="window.__xss='facet'">`,
};

type Watch = { dialogs: string[]; csp: string[] };

async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], csp: [] };
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) w.csp.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp = [...((window as unknown as { __csp?: string[] }).__csp ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  return w;
}

async function expectInert(page: Page, w: Watch, where: string) {
  await page.waitForLoadState("networkidle");
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
    // React never renders a javascript: URL as a working link; neither may we.
    jsLinks: [...document.querySelectorAll("a[href], iframe[src], img[src]")]
      .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "")
      .filter((u) => /^\s*javascript:/i.test(u) && !u.includes("React has blocked")),
    injected: document.querySelectorAll("img[src='x'], svg[onload], iframe[src^='javascript'], b[onmouseover]").length,
  }));
  expect(state, where).toEqual({ xss: null, csp: [], jsLinks: [], injected: 0 });
  expect(w.dialogs, where).toEqual([]);
  expect(w.csp, where).toEqual([]);
}

test("HTML and JavaScript in ingested data render as inert text on every page", async ({ page, ingest, request, admin }) => {
  test.setTimeout(120_000);
  const id = uniq("xss");
  const pipeline = `${X.pipeline} ${id}`;
  const [a, b] = [`${id}-a`, `${id}-b`];
  const model = `${X.model} ${id}`;
  const start = (execution: string) => ({
    op: "execution.start" as const,
    pipeline,
    stage: X.stage,
    execution,
    name: `${X.name} ${execution}`,
    params: { arch: X.param, "<i>lr</i>": 0.1 },
    properties: { host: X.property, link: X.uri },
  });
  await ingest([
    start(a),
    start(b),
    { op: "artifact", execution: a, direction: "input", type: "dataset", name: `${X.artifact} ${id}`, uri: X.uri, hash: `sha256:${id}-d`, properties: { note: X.param } },
    { op: "artifact", execution: a, direction: "output", type: "model", name: model, uri: X.uri, hash: `sha256:${id}-m1` },
    { op: "artifact", execution: b, direction: "output", type: "model", name: model, uri: X.uri, hash: `sha256:${id}-m2` },
    { op: "series", execution: a, key: X.series, steps: [1, 2, 3], values: [0.5, 0.4, 0.3] },
    { op: "series", execution: b, key: X.series, steps: [1, 2, 3], values: [0.6, 0.4, 0.2] },
    { op: "metrics", execution: a, values: { [X.metric]: 0.9, test_loss: 0.3 } },
    { op: "metrics", execution: b, values: { [X.metric]: 0.8, test_loss: 0.2 } },
    { op: "model.version", model, hash: `sha256:${id}-m1`, execution: a },
    { op: "model.version", model, hash: `sha256:${id}-m2`, execution: b },
  ]);
  const encodedModel = encodeURIComponent(model);
  for (const version of [1, 2]) {
    const res = await request.post(`/api/v1/models/${encodedModel}/aliases/prod`, { headers: admin.headers, data: { version, reason: `${X.reason} v${version}` } });
    expect(res.status(), await res.text()).toBe(200);
  }
  // An OpenLineage run whose facets carry markup.
  const ol = await request.post("/api/v1/lineage", {
    headers: admin.headers,
    data: {
      eventType: "COMPLETE",
      eventTime: "2026-11-22T10:00:00Z",
      run: { runId: `${id}-ol`, facets: { documentation: { description: X.facet } } },
      job: { namespace: `${X.facet} ${id}`, name: `job ${X.facet}`, facets: { sql: { query: `SELECT '${X.facet}'` } } },
      inputs: [{ namespace: "ns", name: `${X.facet} ${id}`, facets: { schema: { fields: [{ name: X.facet, type: "string" }] } } }],
    },
  });
  expect(ol.status(), await ol.text()).toBe(201);
  const artifactId = (await getJson(request, `/api/v1/executions/${a}`)).inputs[0].id as number;

  const w = await watch(page);
  const visit = async (url: string, visible: string[], shot?: string) => {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    expect(res?.headers()["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const text of visible) await expect(page.getByText(text, { exact: false }).first(), `${url}: ${text}`).toBeVisible();
    await expectInert(page, w, url);
    if (shot) await page.screenshot({ path: `/tmp/sec-xss-${shot}.png`, fullPage: true });
  };

  await visit("/", [pipeline]);
  await visit(`/executions?pipeline=${encodeURIComponent(pipeline)}`, [`${X.name} ${a}`]);
  await visit(`/executions/${a}`, [`${X.name} ${a}`, X.param, X.property, X.series], "execution");
  await visit("/artifacts", [`${X.artifact} ${id}`]);
  await visit(`/artifacts/${artifactId}`, [`${X.artifact} ${id}`, X.uri]);
  await visit(`/lineage?node=execution:${a}&table=1`, [`${X.artifact} ${id}`]);
  await visit(`/compare?executions=${a},${b}`, [X.param]);
  await visit(`/models?q=${encodeURIComponent(id)}`, [model]);
  await visit(`/models/${encodedModel}`, [model, `${X.reason} v2`], "model");
  await visit(`/executions/${id}-ol`, [X.facet]);

  // The header's search lists matches as text.
  await page.goto("/");
  await page.getByRole("combobox").first().fill(id);
  await expect(page.getByRole("option").filter({ hasText: "<img src=x onerror=" }).first()).toBeVisible();
  await expectInert(page, w, "search");

  // Clicking what a javascript: uri could have become does nothing either.
  await page.goto(`/artifacts/${artifactId}`);
  for (const link of await page.locator("a").filter({ hasText: "javascript:" }).all()) await link.click({ trial: false }).catch(() => {});
  await expectInert(page, w, "after clicks");
});

test("the dashboard runs under its Content-Security-Policy without a single violation", async ({ page }) => {
  const w = await watch(page);
  for (const url of ["/", "/executions", "/artifacts", "/lineage", "/models", "/settings/tokens", "/login"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toContain("frame-ancestors 'none'");
    // Next's own scripts carry this response's nonce, so the app hydrated and works.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.locator(`script[nonce]`).count(), url).toBeGreaterThan(0);
    expect(nonce).toBeTruthy();
    await expectInert(page, w, url);
  }
  // Hydrated and interactive: client-side navigation works.
  await page.goto("/");
  await page.getByRole("link", { name: "Models", exact: true }).click();
  await expect(page).toHaveURL(/\/models$/);
  await expectInert(page, w, "navigation");
});

// The detector itself: markup that did reach the DOM is caught (blocked by the policy, counted).
test("the checks above would catch markup that reached the DOM", async ({ page }) => {
  const w = await watch(page);
  await page.goto("/");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src=x onerror="window.__xss='probe'">`));
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
  }));
  expect(state.xss).toBeNull(); // the policy stopped the handler…
  expect(state.csp.join(" ")).toMatch(/script-src/); // …and said so, which expectInert fails on
  expect(w.csp.length).toBeGreaterThan(0);
});
