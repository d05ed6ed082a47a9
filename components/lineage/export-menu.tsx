"use client";

import type { RefObject } from "react";
import type { CanvasApi } from "./lineage-canvas";
import { download, fileStem } from "./export-graph";
import { graphJson, type LineageGraph } from "./graph-model";
import { provExportHref } from "./links";
import { tableRows, toCsv } from "./table-rows";

// Exports: the picture (PNG, SVG) of the whole graph, the subgraph as JSON (the API's shape) or
// CSV (the table), and the server's PROV-JSON of the same node.
export function ExportMenu({ graph, canvas, asOf }: { graph: LineageGraph | null; canvas: RefObject<CanvasApi | null>; asOf?: string }) {
  if (!graph) return null;
  const stem = fileStem(graph.focus, asOf);
  const item = "block w-full px-3 py-1.5 text-left text-xs text-slate-700 hover:bg-slate-100";
  const close = (e: React.MouseEvent) => e.currentTarget.closest("details")?.removeAttribute("open");
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">
        Export ▾
      </summary>
      <div role="menu" className="absolute right-0 z-30 mt-1 w-48 rounded border border-slate-200 bg-white py-1 shadow-lg" onClick={close}>
        <button type="button" role="menuitem" className={item} onClick={() => canvas.current?.png(stem)}>
          PNG image
        </button>
        <button type="button" role="menuitem" className={item} onClick={() => canvas.current?.svg(stem)}>
          SVG image
        </button>
        <button type="button" role="menuitem" className={item} onClick={() => download(`${stem}.json`, JSON.stringify(graphJson(graph), null, 2), "application/json")}>
          JSON (subgraph)
        </button>
        <button type="button" role="menuitem" className={item} onClick={() => download(`${stem}.csv`, toCsv(tableRows(graph)), "text/csv")}>
          CSV (table)
        </button>
        <a role="menuitem" className={item} href={provExportHref(graph.focus, asOf)} target="_blank" rel="noopener">
          PROV-JSON (W3C PROV)
        </a>
      </div>
    </details>
  );
}
