import { test, expect, uniq, auth, getJson } from "../fixtures";

type Bucket = { step: number; end: number; min: number | null; max: number | null; last: number | string; count: number };

// 20,000 points of a decaying loss in two 10,000-point ops, one spike, a NaN at step 15,000.
const SPIKE_STEP = 12_345;
function points(from: number) {
  const steps = Array.from({ length: 10_000 }, (_, i) => from + i);
  const values = steps.map((s) => (s === SPIKE_STEP ? 1000 : s === 15_000 ? ("NaN" as const) : 1 / (1 + s / 1000)));
  return { steps, values };
}

test.describe("GET /api/v1/series", () => {
  let exec: string;

  test.beforeEach(async ({ ingest }) => {
    exec = uniq("series");
    await ingest([
      { op: "execution.start", pipeline: uniq("p"), stage: "train", execution: exec },
      { op: "series", execution: exec, key: "train_loss", ...points(0) },
      { op: "series", execution: exec, key: "train_loss", ...points(10_000) },
    ]);
  });

  test("downsamples 20,000 points to at most 100 buckets and keeps the spike as a max", async ({ request }) => {
    const body = await getJson(request, `/api/v1/series?execution=${exec}&key=train_loss&buckets=100`);
    expect(body).toMatchObject({ execution: exec, key: "train_loss", rank: 0, from: 0, to: 19_999, count: 20_000 });
    const buckets = body.buckets as Bucket[];
    expect(buckets.length).toBeLessThanOrEqual(100);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(20_000);
    const spiked = buckets.filter((b) => b.max === 1000);
    expect(spiked).toHaveLength(1);
    expect(spiked[0].step).toBeLessThanOrEqual(SPIKE_STEP);
    expect(spiked[0].end).toBeGreaterThanOrEqual(SPIKE_STEP);
    expect(buckets[0]).toMatchObject({ step: 0, min: expect.any(Number), max: 1, count: 200 });
  });

  test("answers a narrow window at full resolution", async ({ request }) => {
    const body = await getJson(request, `/api/v1/series?execution=${exec}&key=train_loss&from=9990&to=10009&buckets=1000`);
    expect(body).toMatchObject({ from: 9990, to: 10_009, count: 20, fullResolution: true });
    const buckets = body.buckets as Bucket[];
    expect(buckets.map((b) => b.step)).toEqual(Array.from({ length: 20 }, (_, i) => 9990 + i));
    expect(buckets.every((b) => b.count === 1 && b.min === b.max && b.last === b.max)).toBe(true);
    expect(buckets[10].last).toBeCloseTo(1 / 11, 12);
  });

  test("NaN round-trips as the string \"NaN\"", async ({ request }) => {
    const body = await getJson(request, `/api/v1/series?execution=${exec}&key=train_loss&from=14999&to=15001`);
    expect(body.buckets.map((b: Bucket) => b.last)).toEqual([1 / (1 + 14.999), "NaN", 1 / (1 + 15.001)]);
    expect(body.buckets[1]).toMatchObject({ min: null, max: null, nonFinite: 1 });
  });

  test("an unknown key is a 404 that names the keys there are", async ({ request, admin }) => {
    const res = await request.get(`/api/v1/series?execution=${exec}&key=val_loss`, { headers: auth(admin.token) });
    expect(res.status()).toBe(404);
    const { error } = await res.json();
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("train_loss (rank 0)");
    const missing = await request.get(`/api/v1/series?execution=${uniq("nope")}&key=train_loss`, { headers: auth(admin.token) });
    expect(missing.status()).toBe(404);
  });

  const invalid: Array<[string, string]> = [
    ["from=20&to=10", "from"],
    ["buckets=0", "buckets"],
    ["buckets=10001", "buckets"],
    ["rank=-1", "rank"],
    ["from=abc", "from"],
  ];
  for (const [query, path] of invalid) {
    test(`rejects ${query} with 422 at path ${path}`, async ({ request, admin }) => {
      const res = await request.get(`/api/v1/series?execution=${exec}&key=train_loss&${query}`, { headers: auth(admin.token) });
      expect(res.status()).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: "invalid", path });
    });
  }

  test("needs a token with read scope", async ({ request }) => {
    const res = await request.get(`/api/v1/series?execution=${exec}&key=train_loss`);
    expect(res.status()).toBe(401);
  });
});
