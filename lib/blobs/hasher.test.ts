import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createHasher, WORKER_MIN_BYTES } from "./hasher";

describe("createHasher", () => {
  it("gives the same sha256 inline and on the worker thread, chunk by chunk, with backpressure", async () => {
    const bytes = randomBytes(WORKER_MIN_BYTES + 40 * 1024 * 1024 + 123); // past the worker's queue bound
    const expected = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    for (const declared of [undefined, bytes.length]) {
      const h = createHasher(declared, true);
      let waited = 0;
      for (let i = 0; i < bytes.length; i += 64 * 1024) {
        const wait = h.update(bytes.subarray(i, i + 64 * 1024));
        if (wait) {
          waited++;
          await wait;
        }
      }
      expect(await h.digest()).toBe(expected);
      h.dispose();
      if (declared === undefined) expect(waited).toBe(0);
    }
  });
});
