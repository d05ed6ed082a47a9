import { describe, expect, it } from "vitest";
import { HIGH } from "./config";
import { createRng } from "./rng";
import { VorticitySolver, type FlowParams } from "./vorticity-solver";

const inviscid: FlowParams = { ...HIGH, n: 32, dt: 0.005, beta: 0, drag: 0, hyperNu: 0, forcing: 0, cyclone: 0 };

describe("vorticity solver", () => {
  it("conserves energy and enstrophy without forcing and dissipation (dealiased Galerkin truncation)", () => {
    const s = new VorticitySolver(inviscid, createRng(1));
    s.randomise(4, 3);
    const [e0, z0] = [s.energy(), s.enstrophy()];
    for (let i = 0; i < 200; i++) s.step();
    expect(Math.abs(s.energy() - e0) / e0).toBeLessThan(1e-5);
    expect(Math.abs(s.enstrophy() - z0) / z0).toBeLessThan(1e-5);
    // …while the flow did evolve.
    const t = new VorticitySolver(inviscid, createRng(1));
    t.randomise(4, 3);
    expect(Math.abs(t.zr[33] - s.zr[33])).toBeGreaterThan(1e-3);
  });

  it("conserves energy with beta too (Rossby waves carry no energy in or out)", () => {
    const s = new VorticitySolver({ ...inviscid, beta: 2 }, createRng(2));
    s.randomise(4, 3);
    const e0 = s.energy();
    for (let i = 0; i < 200; i++) s.step();
    expect(Math.abs(s.energy() - e0) / e0).toBeLessThan(1e-5);
  });

  it("drag and hyperviscosity only remove energy", () => {
    const s = new VorticitySolver({ ...inviscid, drag: 0.5, hyperNu: 1e-6 }, createRng(3));
    s.randomise(4, 3);
    let e = s.energy();
    for (let i = 0; i < 50; i++) {
      s.step();
      expect(s.energy()).toBeLessThan(e);
      e = s.energy();
    }
  });

  it("the forced, dissipated flow stays finite and is the same for the same seed", () => {
    const run = (seed: number) => {
      const s = new VorticitySolver({ ...HIGH, n: 32 }, createRng(seed));
      s.randomise(4, 3.2);
      for (let i = 0; i < 150; i++) s.step();
      return s;
    };
    const [a, b, c] = [run(5), run(5), run(6)];
    expect(Number.isFinite(a.energy())).toBe(true);
    expect(a.energy()).toBeGreaterThan(0.01);
    expect(a.energy()).toBeLessThan(50);
    expect(Array.from(b.zr)).toEqual(Array.from(a.zr));
    expect(c.energy()).not.toBe(a.energy());
  });
});
