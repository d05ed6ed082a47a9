// `provscope export`: the lineage around a node (or the whole graph) as PROV-JSON or graph JSON.
import { writeFile } from "node:fs/promises";
import { ProvscopeError } from "../errors";
import { oneOf, str, type Command } from "./command";
import { withRetry } from "./retrying";

export const exportCommand: Command = {
  name: "export",
  usage: "[--node artifact:ID|execution:UUID] [--format prov|graph] [--direction up|down|both] [--depth N] [-o FILE]",
  summary: "export lineage as PROV-JSON (default) or graph JSON, to stdout or -o FILE",
  options: { node: { type: "string" }, format: { type: "string" }, direction: { type: "string" }, depth: { type: "string" }, out: { type: "string", short: "o" } },
  args: [0, 0],
  async run(ctx) {
    const v = ctx.values;
    const query = {
      format: oneOf(str(v, "format", "prov"), ["prov", "graph"] as const, "--format"),
      node: str(v, "node"),
      direction: str(v, "direction"),
      depth: str(v, "depth"),
    };
    let doc: unknown;
    try {
      doc = await withRetry(() => ctx.http.request("GET", "/api/v1/lineage/export", { query }));
    } catch (err) {
      // A server without the export endpoint answers with its HTML 404 page, not the error
      // envelope: fall back to the lineage query (graph JSON around --node).
      if (!(err instanceof ProvscopeError && err.status === 404 && err.code === "http_error" && query.node)) throw err;
      ctx.out.note("provscope: this server has no /api/v1/lineage/export; exporting the graph JSON of GET /api/v1/lineage");
      doc = await withRetry(() => ctx.http.request("GET", "/api/v1/lineage", { query: { node: query.node, direction: query.direction, depth: query.depth } }));
    }
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const out = str(v, "out");
    if (out) {
      await writeFile(out, text);
      ctx.out.note(`wrote ${out}`);
    } else process.stdout.write(text);
  },
};
