import { describe, expect, it } from "vitest";
import { Fft, Fft2 } from "./fft";
import { createRng } from "./rng";

describe("FFT", () => {
  it("matches the direct DFT", () => {
    const n = 16;
    const r = createRng(1);
    const re = Float64Array.from({ length: n }, () => r.normal());
    const im = Float64Array.from({ length: n }, () => r.normal());
    const [er, ei] = [new Float64Array(n), new Float64Array(n)];
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) {
        const a = (-2 * Math.PI * j * k) / n;
        er[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
        ei[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
      }
    }
    new Fft(n).transform(re, im, 0, -1);
    for (let k = 0; k < n; k++) {
      expect(re[k]).toBeCloseTo(er[k], 10);
      expect(im[k]).toBeCloseTo(ei[k], 10);
    }
  });

  it("2D inverse undoes forward", () => {
    const n = 8;
    const r = createRng(2);
    const re = Float64Array.from({ length: n * n }, () => r.normal());
    const im = new Float64Array(n * n);
    const copy = re.slice();
    const f = new Fft2(n);
    f.forward(re, im);
    f.inverse(re, im);
    for (let i = 0; i < n * n; i++) {
      expect(re[i]).toBeCloseTo(copy[i], 12);
      expect(im[i]).toBeCloseTo(0, 12);
    }
  });

  it("refuses sizes that are not powers of two", () => {
    expect(() => new Fft(12)).toThrow(/power of two/);
  });
});
