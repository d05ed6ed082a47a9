import { describe, expect, it } from "vitest";
import { createRng, permutation } from "./rng";

describe("seeded random numbers", () => {
  it("repeat for one seed, differ for another", () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const draw = (r: ReturnType<typeof createRng>) => Array.from({ length: 5 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("forks independent named streams: a draw in one does not shift another", () => {
    const a = createRng(1), b = createRng(1);
    a.fork("kmeans").next();
    expect(a.fork("train").next()).toBe(b.fork("train").next());
    expect(a.fork("train").next()).not.toBe(a.fork("kmeans").next());
  });

  it("draws standard normals and permutations", () => {
    const r = createRng(3);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeCloseTo(1, 1);
    expect([...permutation(r, 10)].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
