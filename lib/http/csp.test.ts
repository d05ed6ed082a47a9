import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_CSP, pageCsp } from "./csp";

describe("Content-Security-Policy", () => {
  it("lets only this request's scripts run on pages", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageCsp("x", true)).toContain("'unsafe-eval'"); // next dev only
  });

  it("allows cytoscape's one stylesheet by the hash of its exact text", () => {
    const text = ".__________cytoscape_container { position: relative; }";
    const hash = createHash("sha256").update(text).digest("base64");
    expect(pageCsp("n")).toContain(`'sha256-${hash}'`);
  });

  it("lets nothing load or run from an API answer", () => {
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });
});
