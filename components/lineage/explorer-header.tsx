import Link from "next/link";
import type { LineageView } from "@/lib/schemas/lineage-view";
import { formatCount } from "@/components/ui/format";
import type { LineageGraph } from "./graph-model";
import { nodePageHref } from "./links";

// Title line: what the view is focused on, how much of the graph is loaded, and at which time.
export function ExplorerHeader({ graph, focus, view, drawn }: { graph: LineageGraph | null; focus: string; view: LineageView; drawn: number }) {
  const node = graph?.nodes[focus];
  const href = nodePageHref(focus);
  const nodes = graph ? Object.keys(graph.nodes).length : 0;
  const edges = graph ? Object.keys(graph.edges).length : 0;
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h1 className="text-lg font-semibold text-slate-900">Lineage</h1>
      <span className="text-slate-400">of</span>
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] uppercase tracking-wide text-slate-600">
        {node ? (node.kind === "artifact" ? node.type : `${node.stage} run`) : focus.split(":")[0]}
      </span>
      {href ? (
        <Link href={href} data-testid="focus-name" className="max-w-[40ch] truncate font-medium text-slate-800 hover:text-sky-700 hover:underline">
          {node?.label ?? focus}
        </Link>
      ) : null}
      <span className="ml-auto text-xs tabular-nums text-slate-500" data-testid="graph-summary">
        {formatCount(nodes)} nodes · {formatCount(edges)} edges
        {drawn !== nodes ? <> · {formatCount(drawn)} drawn (clusters, view)</> : null}
        {view.asOf ? <> · as of {view.asOf.replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC")}</> : null}
      </span>
    </div>
  );
}
