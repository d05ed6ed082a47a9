import { describe, expect, it } from "vitest";
import { clock } from "./clock";

describe("shared clock", () => {
  it("tracks Date.now() to within a few milliseconds, also inside a loop that never yields", async () => {
    clock.now(); // starts the worker
    await new Promise((r) => setTimeout(r, 200));
    const until = Date.now() + 300;
    let worst = 0;
    let reads = 0;
    while (Date.now() < until) {
      const a = Date.now();
      const c = clock.now();
      const b = Date.now();
      worst = Math.max(worst, a - c, c - b);
      reads++;
    }
    expect(reads).toBeGreaterThan(100);
    // A tick is 1 ms; the rest is the thread's scheduling on a busy machine (~10 ms seen at load 12 on 2
    // cores). A clock that stopped would be 500 ms behind by the end.
    expect(worst).toBeLessThan(100);
  });
});
