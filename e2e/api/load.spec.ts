import { test, expect, uniq } from "../fixtures";
import { ADMIN_TOKEN } from "../../playwright.config";
import { runLoad, storedPoints } from "../../bench/load-driver";
import { OwnServer } from "./sec-server";

// Load, scaled down for CI: 64 concurrent writers (ranks of 8 executions) send batches for 5 s.
// No request may fail and every acknowledged point must be stored; timings are `npm run bench`'s
// business (bench/load.bench.ts, 256 writers for 60 s), never asserted here.
test("64 concurrent writers for 5 s: zero errors, zero lost points", async () => {
  test.setTimeout(180_000);
  const server = await OwnServer.start();
  try {
    const result = await runLoad({
      url: server.url,
      token: ADMIN_TOKEN,
      prefix: uniq("load"),
      writers: 64,
      ranksPerExecution: 8,
      seconds: 5,
      pointsPerBatch: 100,
      thinkMs: 50,
    });
    expect(result.errors, result.errorSamples.join("\n")).toBe(0);
    expect(result.batches).toBeGreaterThanOrEqual(64);
    expect(await storedPoints(server.url, ADMIN_TOKEN, result.executions)).toBe(result.points);
    expect(server.log()).not.toContain("unexpected error");
  } finally {
    await server.dispose();
  }
});
