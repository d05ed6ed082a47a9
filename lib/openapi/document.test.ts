import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

const API_DIR = path.resolve(__dirname, "../../app/api");

// Every route file under app/api, as an OpenAPI path with the HTTP methods it exports.
function routes(dir = API_DIR): Array<{ path: string; methods: string[] }> {
  const found: Array<{ path: string; methods: string[] }> = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...routes(full));
    else if (entry === "route.ts") {
      const rel = path.relative(path.dirname(API_DIR), dir).split(path.sep).join("/");
      const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
      found.push({ path: `/${rel}`.replace(/\[([^\]]+)\]/g, "{$1}"), methods });
    }
  }
  return found;
}

describe("openApiDocument", () => {
  const doc = openApiDocument();

  it("documents every route and method the server serves", () => {
    const served = routes();
    expect(served.length).toBeGreaterThan(10);
    for (const r of served) {
      const documented = doc.paths[r.path as keyof typeof doc.paths] as Record<string, unknown> | undefined;
      expect(documented, `${r.path} is served but not documented`).toBeDefined();
      expect(Object.keys(documented!).sort(), r.path).toEqual([...r.methods].sort());
    }
  });

  it("derives request bodies and parameters from the zod schemas", () => {
    const batches = doc.paths["/api/v1/batches"].post as { requestBody: { content: { "application/json": { schema: { required: string[] } } } } };
    expect(batches.requestBody.content["application/json"].schema.required).toEqual(["batchId", "ops"]);
    const executions = doc.paths["/api/v1/executions"].get as { parameters: Array<{ name: string; required: boolean }> };
    expect(executions.parameters.map((p) => p.name)).toEqual(["pipeline", "stage", "filter", "sort", "limit", "cursor"]);
    expect(executions.parameters.every((p) => !p.required)).toBe(true);
  });
});
