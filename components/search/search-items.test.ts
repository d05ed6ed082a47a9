import { describe, expect, it } from "vitest";
import type { SearchResults } from "@/components/api/hooks/use-search";
import { searchGroups, step } from "./search-items";

const empty: SearchResults = { q: "x", pipelines: [], stages: [], executions: [], artifacts: [], models: [], versions: [] };

describe("searchGroups", () => {
  it("groups by kind, drops empty kinds and links each result to its page", () => {
    const groups = searchGroups({
      ...empty,
      stages: [{ pipeline: "cl eke", name: "train", executions: 1 }],
      artifacts: [{ id: 7, type: "dataset", name: "ood", uri: "file:///d.h5", hash: "sha256:3fa9c0ffee1234567890", createdAt: "2026-01-01T00:00:00Z", match: "hash" }],
      versions: [{ model: "EKE", version: 3, hash: "sha256:ab", artifactId: 1, createdAt: "2026-01-01T00:00:00Z", aliases: ["deployed"] }],
    });
    expect(groups.map((g) => g.title)).toEqual(["Stages", "Artifacts", "Model versions"]);
    expect(groups[0].items[0]).toMatchObject({ href: "/executions?pipeline=cl+eke&stage=train", detail: "cl eke · 1 execution" });
    expect(groups[1].items[0]).toMatchObject({ href: "/artifacts/7", mono: "sha256:3fa9c0ffee12…" });
    expect(groups[2].items[0]).toMatchObject({ label: "EKE v3", href: "/models/EKE?sel=3", detail: "@deployed" });
  });

  it("shows the uri of an artifact found by name", () => {
    const [g] = searchGroups({ ...empty, artifacts: [{ id: 1, type: "model", name: "m", uri: "s3://b/m.pt", hash: "h", createdAt: "", match: "name" }] });
    expect(g.items[0].mono).toBe("s3://b/m.pt");
  });

  it("wraps arrow-key steps", () => {
    expect([step(-1, 1, 3), step(2, 1, 3), step(0, -1, 3), step(0, 1, 0)]).toEqual([0, 0, 2, -1]);
  });
});
