import type { Page } from "@playwright/test";
import { test, expect, uniq } from "../fixtures";
import type { IngestBatchInput } from "../../lib/schemas/ingest";

type Ops = IngestBatchInput["ops"];
type Result = { results: Array<{ artifactId?: number }> };

const artifactOf = (r: unknown, i: number) => `artifact:${(r as Result).results[i].artifactId}`;

// simulate → data → train → model (+ 12 checkpoints, metrics) → deploy → ood; data also feeds
// three analyses.
async function workflow(ingest: (ops: Ops) => Promise<unknown>, p: string) {
  const a = (execution: string, direction: "input" | "output", type: "dataset" | "model" | "metrics" | "other", name: string) =>
    ({ op: "artifact" as const, execution, direction, type, name, hash: `sha256:${name}` });
  const start = (execution: string, stage: string, name = `${stage} ${execution}`) => ({ op: "execution.start" as const, pipeline: p, stage, execution, name });
  const r = await ingest([
    start(`${p}-sim`, "simulate"),
    a(`${p}-sim`, "output", "dataset", `${p}-data`),
    start(`${p}-train`, "train"),
    a(`${p}-train`, "input", "dataset", `${p}-data`),
    a(`${p}-train`, "output", "model", `${p}-model`),
    ...Array.from({ length: 12 }, (_, i) => a(`${p}-train`, "output", "model", `${p}-ckpt-ep${i}`)),
    a(`${p}-train`, "output", "metrics", `${p}-metrics`),
    { op: "execution.end", execution: `${p}-train`, status: "COMPLETED" },
    start(`${p}-deploy`, "deploy"),
    a(`${p}-deploy`, "input", "model", `${p}-model`),
    a(`${p}-deploy`, "output", "dataset", `${p}-ood`),
    ...[1, 2, 3].flatMap((i) => [start(`${p}-an${i}`, "analyse"), a(`${p}-an${i}`, "input", "dataset", `${p}-data`)]),
  ]);
  return {
    data: artifactOf(r, 1),
    model: artifactOf(r, 4),
    ood: artifactOf(r, 20),
    sim: `execution:${p}-sim`,
    train: `execution:${p}-train`,
    deploy: `execution:${p}-deploy`,
    analyses: [1, 2, 3].map((i) => `execution:${p}-an${i}`),
  };
}

// The canvas cannot be read like the DOM: the page publishes what it drew (components/lineage/probe.ts).
const ids = (page: Page) => page.evaluate(() => (window.__provscopeLineage?.ids() ?? []).sort());
const probe = (page: Page, id: string) => page.evaluate((id) => window.__provscopeLineage?.node(id) ?? null, id);
const version = (page: Page) => page.evaluate(() => window.__provscopeLineage?.version ?? 0);
const drawn = (page: Page, id: string) => page.waitForFunction((id) => window.__provscopeLineage?.ids().includes(id), id);
const gone = (page: Page, id: string) => page.waitForFunction((id) => window.__provscopeLineage && !window.__provscopeLineage.ids().includes(id), id);
const redrawn = (page: Page, after: number) => page.waitForFunction((v) => (window.__provscopeLineage?.version ?? 0) > v, after);
const zoom = (page: Page) => page.evaluate(() => window.__provscopeLineage!.zoom());

// Click a node's name (its upper half) or one of its hidden-neighbour badges (lower corners).
async function clickNode(page: Page, id: string, where: "name" | "up" | "down" = "name") {
  const n = (await probe(page, id))!;
  const z = await zoom(page);
  const dx = where === "up" ? -60 : where === "down" ? 60 : 0;
  const dy = where === "name" ? -8 : 9;
  await page.mouse.click(n.x + dx * z, n.y + dy * z);
}

test("opens on one node, expands lazily up and down, keeps positions and updates hidden counts", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-exp"));
  await page.goto(`/lineage?node=${g.model}`);
  await drawn(page, g.deploy);
  expect(await ids(page)).toEqual([g.model, g.train, g.deploy].sort());
  expect(await probe(page, g.train)).toMatchObject({ hiddenUp: 1, hiddenDown: 13 }); // data; checkpoints + metrics
  expect((await probe(page, g.train))!.label).toContain("◂ +1");
  expect(await probe(page, g.deploy)).toMatchObject({ hiddenUp: 0, hiddenDown: 1 });
  const before = (await probe(page, g.model))!;

  // Upstream of the training run: its dataset, which shows its own producer and other consumers as hidden.
  let v = await version(page);
  await clickNode(page, g.train, "up");
  await redrawn(page, v);
  await drawn(page, g.data);
  expect(decodeURIComponent(page.url())).toContain(`exp=u1:${g.train}`);
  expect(await probe(page, g.train)).toMatchObject({ hiddenUp: 0 });
  expect(await probe(page, g.data)).toMatchObject({ hiddenUp: 1, hiddenDown: 3 });
  const after = (await probe(page, g.model))!;
  expect([after.x, after.y]).toEqual([before.x, before.y]);

  // Downstream of deploy, through the details panel.
  await clickNode(page, g.deploy);
  const details = page.getByRole("complementary", { name: "Details" });
  await expect(details.getByTestId("details-name")).toHaveText(`deploy ${g.deploy.slice(10)}`);
  v = await version(page);
  await details.getByRole("button", { name: "Expand downstream (+1) ▸" }).click();
  await drawn(page, g.ood);
  // The new node and the anchor's updated badge may land in successive frames: poll for the badge.
  await expect.poll(() => probe(page, g.deploy)).toMatchObject({ hiddenDown: 0 });
  // The probe's node list reads the live graph; its version is published a frame after the paint.
  await redrawn(page, v);
  await expect(details.getByRole("button", { name: /Expand downstream/ })).toBeDisabled();
  await expect(page.getByTestId("graph-summary")).toContainText("5 nodes · 4 edges");
});

test("a fan-out collapses into a cluster that can be searched, paged and pulled apart", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-cl"));
  await page.goto(`/lineage?node=${g.train}&up=0`);
  const cluster = `cluster:down:artifact:model@${g.train}`;
  await drawn(page, cluster);
  // The model inside it is also used by deploy, which is not loaded yet: "+1 ▸".
  expect((await probe(page, cluster))!.label).toBe("13 × model\n+1 ▸");
  expect(await ids(page)).toHaveLength(3); // train, the cluster, metrics

  await clickNode(page, cluster);
  const details = page.getByRole("complementary", { name: "Details" });
  await expect(details.getByTestId("details-name")).toHaveText("13 × model");
  const members = details.getByRole("list", { name: "Cluster members" }).getByRole("listitem");
  await expect(members).toHaveCount(13);
  await details.getByRole("searchbox", { name: "Search the cluster" }).fill("ep11");
  await expect(members).toHaveCount(1);
  await members.getByRole("button", { name: "pull out" }).click();
  const ckpt = `${g.train.slice(10).replace(/-train$/, "")}-ckpt-ep11`;
  await page.waitForFunction(() => (window.__provscopeLineage?.ids().length ?? 0) === 4);
  expect((await probe(page, cluster))!.label).toMatch(/^12 × model\n/);
  await expect(page).toHaveURL(/open=artifact/);
  await expect(details.getByTestId("details-name")).toHaveText(ckpt);

  // The whole cluster apart: every checkpoint on its own.
  await clickNode(page, cluster);
  await details.getByRole("button", { name: "Pull apart all 12" }).click();
  await gone(page, cluster);
  expect(await ids(page)).toHaveLength(15);
});

test("search finds nodes, also inside clusters, and selecting highlights the full paths", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-hl"));
  await page.goto(`/lineage?node=${g.data}&up=1&down=3`);
  await drawn(page, g.deploy);
  const search = page.getByRole("combobox", { name: "Search the graph" });
  await search.fill("ckpt-ep7");
  const results = page.getByRole("listbox", { name: "Search results" });
  await expect(results.getByRole("option")).toHaveCount(1);
  await expect(results).toContainText("in a cluster");
  await results.getByRole("button").click();
  await expect(page).toHaveURL(/sel=artifact/);
  await expect(page.getByRole("complementary", { name: "Details" }).getByTestId("details-name")).toHaveText(/ckpt-ep7$/);

  // The model (found by id, also in the cluster): its ancestors and descendants light up, the rest fades.
  await search.fill(g.model);
  await results.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`sel=${encodeURIComponent(g.model)}`));
  await page.waitForFunction((id) => window.__provscopeLineage?.node(id)?.classes.includes("on-path"), g.deploy);
  for (const id of [g.train, g.data, g.sim, g.deploy]) expect((await probe(page, id))!.classes).toContain("on-path");
  expect((await probe(page, g.model))!.classes).not.toContain("faded");
  for (const id of g.analyses) expect((await probe(page, id))!.classes).toContain("faded");
});

test("the address holds the whole view: a reload restores it", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-url"));
  await page.goto(`/lineage?node=${g.model}`);
  await drawn(page, g.deploy);
  await clickNode(page, g.train, "up");
  await drawn(page, g.data);
  await page.getByRole("radiogroup", { name: "Group by" }).getByRole("radio", { name: "Stage" }).click();
  await page.getByRole("group", { name: "Downstream depth" }).getByRole("button", { name: "Downstream depth: more" }).click();
  await drawn(page, g.ood);
  await clickNode(page, g.deploy);
  await page.getByRole("button", { name: "Table" }).click();
  await expect(page.getByRole("region", { name: "Lineage table" })).toBeVisible();
  const url = page.url();
  expect(url).toContain("group=stage");
  expect(url).toContain("down=2");
  expect(url).toContain(`sel=${encodeURIComponent(g.deploy)}`);
  expect(url).toContain("table=1");
  const before = await ids(page);

  await page.reload();
  await drawn(page, g.ood);
  expect(page.url()).toBe(url);
  expect(await ids(page)).toEqual(before);
  await expect(page.getByRole("complementary", { name: "Details" }).getByTestId("details-name")).toHaveText(`deploy ${g.deploy.slice(10)}`);
  await expect(page.getByRole("radiogroup", { name: "Group by" }).getByRole("radio", { name: "Stage" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("group", { name: "Downstream depth" }).locator("output")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Lineage table" }).getByRole("row")).toHaveCount(before.length + 1);

  // Artifacts only: executions fold into edges; the table still lists the whole subgraph.
  await page.getByRole("radiogroup", { name: "Show" }).getByRole("radio", { name: "Artifacts", exact: true }).click();
  await gone(page, g.train);
  expect((await ids(page)).every((id) => id.startsWith("artifact:"))).toBe(true);
  await expect(page).toHaveURL(/mode=artifacts/);
});

test("exports the picture and the data as files", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-exp"));
  await page.goto(`/lineage?node=${g.model}&up=2`);
  await drawn(page, g.data);
  const menu = page.locator("summary", { hasText: "Export" });
  const grab = async (item: string) => {
    await menu.click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item }).click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    return { name: download.suggestedFilename(), body: readFileSync(path) };
  };
  const png = await grab("PNG image");
  expect(png.name).toBe(`lineage-${g.model.replace(":", "_")}.png`);
  expect(png.body.subarray(1, 4).toString()).toBe("PNG");
  const svg = await grab("SVG image");
  expect(svg.body.toString()).toContain("<svg");
  const json = JSON.parse((await grab("JSON (subgraph)")).body.toString());
  expect(json.focus).toBe(g.model);
  expect(json.nodes.map((n: { id: string }) => n.id).sort()).toEqual(await ids(page));
  const csv = (await grab("CSV (table)")).body.toString().split("\r\n");
  expect(csv[0]).toContain("id,kind,type_or_stage,name");
  expect(csv.some((line) => line.startsWith(`${g.data},artifact,dataset`))).toBe(true);
  await menu.click();
  await expect(page.getByRole("menuitem", { name: "PROV-JSON (W3C PROV)" })).toHaveAttribute("href", `/api/v1/lineage/export?format=prov&node=${encodeURIComponent(g.model)}`);
});

test("as of a moment, nodes created later are not there", async ({ page, ingest }) => {
  const p = uniq("lin-asof");
  const g = await workflow(ingest, p);
  await new Promise((r) => setTimeout(r, 1100));
  const asOf = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  await new Promise((r) => setTimeout(r, 1100));
  await ingest([
    { op: "execution.start", pipeline: p, stage: "audit", execution: `${p}-late` },
    { op: "artifact", execution: `${p}-late`, direction: "input", type: "model", name: `${p}-model`, hash: `sha256:${p}-model` },
  ]);
  const late = `execution:${p}-late`;
  await page.goto(`/lineage?node=${g.model}`);
  await drawn(page, late);
  await page.goto(`/lineage?node=${g.model}&asOf=${asOf}`);
  await drawn(page, g.deploy);
  expect(await ids(page)).not.toContain(late);
  await expect(page.getByLabel("As of (UTC)")).toHaveValue(asOf.slice(0, 19));
  await expect(page.getByTestId("graph-summary")).toContainText("as of");
  // Back to now.
  await page.getByRole("button", { name: "Now" }).click();
  await drawn(page, late);
  await expect(page).not.toHaveURL(/asOf=/);
});

test("names are inert text in the details, the table and the search results", async ({ page, ingest }) => {
  const p = uniq("lin-xss");
  const name = "<img src=x onerror=alert(1)>";
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const r = await ingest([
    { op: "execution.start", pipeline: p, stage: "<b>stage</b>", execution: `${p}-x`, name: `<script>alert(2)</script>${p}` },
    { op: "artifact", execution: `${p}-x`, direction: "output", type: "other", name, hash: `sha256:${p}`, properties: { "<i>k</i>": "<img src=y onerror=alert(3)>" } },
  ]);
  const id = artifactOf(r, 1);
  await page.goto(`/lineage?node=${id}&table=1`);
  await drawn(page, `execution:${p}-x`);
  await clickNode(page, id);
  const details = page.getByRole("complementary", { name: "Details" });
  await expect(details.getByTestId("details-name")).toHaveText(name);
  await expect(details.getByText("<img src=y onerror=alert(3)>")).toBeVisible();
  await expect(page.getByRole("region", { name: "Lineage table" }).getByRole("button", { name, exact: true })).toBeVisible();
  await expect(page.getByTestId("focus-name")).toHaveText(name);
  await page.getByRole("combobox", { name: "Search the graph" }).fill("<img");
  await expect(page.getByRole("listbox", { name: "Search results" }).getByText(name, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"], img[src="y"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: "stage" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("the artifact page shows the record and opens its lineage; /lineage alone offers places to start", async ({ page, ingest }) => {
  const g = await workflow(ingest, uniq("lin-art"));
  await page.goto(`/artifacts/${g.data.slice(9)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/-data$/);
  await expect(page.getByRole("region", { name: "Artifact" })).toContainText(`sha256:`);
  await expect(page.getByRole("region", { name: "Produced by" }).getByRole("link", { name: /^simulate / })).toHaveAttribute("href", `/executions/${g.sim.slice(10)}`);
  await expect(page.getByRole("region", { name: "Consumed by" }).getByRole("row")).toHaveCount(4);
  await page.getByRole("link", { name: "Open in lineage" }).click();
  await page.waitForURL(`/lineage?node=${encodeURIComponent(g.data)}`, { timeout: 30_000 });
  await drawn(page, g.sim);

  await page.goto("/lineage");
  await expect(page.getByRole("region", { name: "Latest executions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Latest datasets" }).getByRole("link").first()).toHaveAttribute("href", /^\/lineage\?node=artifact%3A\d+$/);
  await page.goto("/lineage?node=artifact:999999999");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ }); // not Next's empty route announcer
  await expect(alert).toContainText("no artifact 'artifact:999999999'");
  await page.goto("/lineage?node=dataset:1");
  await expect(alert).toContainText("node: must be 'artifact:<numeric id>'");
});
