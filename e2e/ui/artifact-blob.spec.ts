import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateSync, crc32 } from "node:zlib";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniq, auth } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";

// The artifact page and its bytes: a download button with the size when Provscope stores them, a
// cheap preview (CSV table, pretty JSON, image, binary head), and "metadata only" with the uri
// when it does not.

const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

// A small RGB PNG (a colour gradient), built by hand so the test needs no image library.
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

type Seed = { name: string; type: "dataset" | "model" | "other"; uri: string; bytes: Buffer | null };

// One execution with an output artifact per seed; the bytes of those that have them are uploaded.
async function seed(request: APIRequestContext, ingest: (ops: never[]) => Promise<unknown>, seeds: Seed[]): Promise<number[]> {
  const execution = uniq("blob-ui");
  const ops = [
    { op: "execution.start", pipeline: uniq("blob-ui"), stage: "train", execution },
    ...seeds.map((s) => ({ op: "artifact", execution, direction: "output", type: s.type, name: s.name, uri: s.uri, hash: s.bytes ? sha256(s.bytes) : sha256(randomBytes(16)) })),
  ];
  const res = (await ingest(ops as never[])) as { results: Array<{ artifactId?: number }> };
  for (const s of seeds) {
    if (!s.bytes) continue;
    const put = await request.put(`/api/v1/blobs/${sha256(s.bytes)}`, { headers: { ...auth(ADMIN_TOKEN), "content-type": "application/octet-stream" }, data: s.bytes });
    expect([200, 201]).toContain(put.status());
  }
  return res.results.slice(1).map((r) => r.artifactId!);
}

test("stored files: download button with size, CSV / JSON / image / binary previews", async ({ page, request, ingest }) => {
  const csvLines = ["sample,x,y,ood_score", ...Array.from({ length: 40 }, (_, i) => `s${i},${(i * 0.37).toFixed(2)},${(i * 1.9).toFixed(1)},"${(i % 7) / 10}"`)];
  const csv = Buffer.from(`${csvLines.join("\n")}\n`);
  const json = Buffer.from(JSON.stringify({ arch: "resnet", lr: 0.001, layers: [64, 128, 256], clusters: { k: 8, method: "kmeans" } }));
  const image = png(240, 120);
  const model = Buffer.concat([Buffer.from([0x80, 0x02, 0x63, 0x00]), randomBytes(200_000)]);
  const [csvId, jsonId, imageId, modelId] = await seed(request, ingest, [
    { name: uniq("ood-samples") + ".csv", type: "dataset", uri: "file:///scratch/ood/ood-samples.csv", bytes: csv },
    { name: uniq("train-config"), type: "other", uri: "file:///runs/it1/config.json", bytes: json },
    { name: uniq("loss-curve") + ".png", type: "other", uri: "file:///runs/it1/loss.png", bytes: image },
    { name: uniq("EKE-ResNet"), type: "model", uri: "file:///models/it1.pt", bytes: model },
  ]);

  await page.goto(`/artifacts/${csvId}`);
  const file = page.getByRole("region", { name: "File" });
  await expect(file).toContainText("stored in Provscope");
  await expect(file).toContainText(`(${csv.length.toLocaleString("en-US")} bytes)`);
  const download = file.getByRole("link", { name: "Download" });
  await expect(download).toHaveAttribute("href", `/api/v1/blobs/${sha256(csv)}`);
  await expect(download).toHaveAttribute("download", "ood-samples.csv");
  const table = file.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["sample", "x", "y", "ood_score"]);
  await expect(table.locator("tbody tr")).toHaveCount(24); // 25 rows with the header
  await expect(file).toContainText("The first 24 data rows of the file.");
  await page.screenshot({ path: "/tmp/blobs-csv.png", fullPage: true });

  const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(saved.suggestedFilename()).toBe("ood-samples.csv");
  expect(sha256(readFileSync(await saved.path()))).toBe(sha256(csv));

  await page.goto(`/artifacts/${jsonId}`);
  await expect(page.getByRole("figure", { name: "Preview" })).toContainText('"method": "kmeans"');
  await expect(page.getByRole("figure", { name: "Preview" })).toContainText("Pretty-printed.");
  await page.screenshot({ path: "/tmp/blobs-json.png", fullPage: true });

  await page.goto(`/artifacts/${imageId}`);
  const img = page.getByRole("img", { name: /preview of loss-curve/ });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(240);
  await expect(page.getByRole("figure", { name: "Preview" })).toContainText("PNG image");
  await page.screenshot({ path: "/tmp/blobs-image.png", fullPage: true });

  await page.goto(`/artifacts/${modelId}`);
  await expect(page.getByRole("region", { name: "File" })).toContainText("Binary content, no preview. It starts with 80 02 63 00");
  await expect(page.getByRole("link", { name: /Download \(200 kB\)/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/blobs-binary.png", fullPage: true });
});

test("a metadata-only artifact says where its bytes live, and offers no download", async ({ page, request, ingest }) => {
  const [id] = await seed(request, ingest, [{ name: uniq("EKE-ResNet-big"), type: "model", uri: "file:///lustre/proj/ckpt/it7.pt", bytes: null }]);
  await page.goto(`/artifacts/${id}`);
  const file = page.getByRole("region", { name: "File" });
  await expect(file).toContainText("metadata only");
  await expect(file).toContainText("They live at file:///lustre/proj/ckpt/it7.pt");
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/blobs-metadata-only.png", fullPage: true });
});
