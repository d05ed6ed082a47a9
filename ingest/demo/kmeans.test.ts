import { describe, expect, it } from "vitest";
import { kmeans, nearest } from "./kmeans";
import { createRng } from "./rng";

describe("k-means", () => {
  it("separates obvious clusters", () => {
    const r = createRng(1);
    const centres = [[0, 0], [10, 0], [0, 10]];
    const x = new Float64Array(300 * 2);
    for (let i = 0; i < 300; i++) {
      const c = centres[i % 3];
      x[2 * i] = c[0] + 0.5 * r.normal();
      x[2 * i + 1] = c[1] + 0.5 * r.normal();
    }
    const km = kmeans(x, 2, 3, createRng(2));
    expect(km.sizes.sort()).toEqual([100, 100, 100]);
    // Points generated from the same centre share a label.
    for (let i = 3; i < 300; i++) expect(km.labels[i]).toBe(km.labels[i % 3]);
    // Centroids sit on the true centres, and nearest() agrees with the labels.
    for (const c of centres) {
      const k = nearest(km.centroids, 3, 2, Float64Array.from(c), 0);
      expect(km.centroids[2 * k]).toBeCloseTo(c[0], 0);
      expect(km.centroids[2 * k + 1]).toBeCloseTo(c[1], 0);
    }
  });

  it("is reproducible for a seed", () => {
    const r = createRng(4);
    const x = Float64Array.from({ length: 400 }, () => r.normal());
    expect(Array.from(kmeans(x, 4, 6, createRng(9)).centroids)).toEqual(Array.from(kmeans(x, 4, 6, createRng(9)).centroids));
  });

  it("needs at least k points", () => {
    expect(() => kmeans(new Float64Array(4), 2, 3, createRng(1))).toThrow(/at least k=3/);
  });
});
