"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Lineage } from "@/lib/schemas/lineage";
import { formatExpansion, type LineageView } from "@/lib/schemas/lineage-view";
import { useQueryClient } from "@tanstack/react-query";
import { useLineageAnswers } from "@/components/api/hooks/use-lineage";
import { NewItemsBanner } from "@/components/live/new-items-banner";
import { useLiveLineage } from "@/components/live/use-live-lineage";
import { buildView, layoutKey } from "./build-view";
import type { Clustered } from "./cluster-graph";
import { buildGraph, type LineageGraph } from "./graph-model";
import type { CanvasApi } from "./lineage-canvas";
import { DetailsPanel } from "./details-panel";
import { ExplorerHeader } from "./explorer-header";
import { GraphOverlay } from "./graph-overlay";
import { LineageTable } from "./lineage-table";
import { LineageToolbar } from "./lineage-toolbar";
import { toElements } from "./to-elements";
import { useStableLayout } from "./use-stable-layout";
import { useViewUrl } from "./use-view-url";
import { refocus, viewRequests, withExpansion, withOpen } from "./view-state";

// The graph view (cytoscape) is client-only and the largest chunk: its download starts as soon as
// this module runs, in parallel with hydration, instead of after it.
const loadCanvas = () => import("./lineage-canvas");
if (typeof window !== "undefined") void loadCanvas();
const LineageCanvas = dynamic(loadCanvas, {
  ssr: false,
  loading: () => <div className="flex h-full items-center justify-center text-xs text-slate-400">Loading the graph view…</div>,
});

export type AnswerError = { status: number; code: string; message: string };

const EMPTY: Clustered = { nodes: [], edges: [], memberOf: new Map() };

// Expanding a whole cluster expands at most this many of its members at once.
const MAX_CLUSTER_EXPANSIONS = 25;

// The lineage explorer: the view state lives in the address; the lineage answers it needs are
// merged into one graph, projected, clustered, laid out and drawn; a table, search, details and
// exports work on the same graph.
export function LineageExplorer({ initialAnswers, initialErrors }: { initialAnswers: Record<string, Lineage>; initialErrors: Record<string, AnswerError> }) {
  const [parsed, setView] = useViewUrl();
  if (!parsed.ok || !parsed.view.node) {
    return <p className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{parsed.ok ? "Choose a node to explore." : parsed.message}</p>;
  }
  return <Explorer view={parsed.view} setView={setView} initialAnswers={initialAnswers} initialErrors={initialErrors} />;
}

type ExplorerProps = {
  view: LineageView;
  setView: (v: LineageView, how?: "push" | "replace") => void;
  initialAnswers: Record<string, Lineage>;
  initialErrors: Record<string, AnswerError>;
};

function Explorer({ view, setView, initialAnswers, initialErrors }: ExplorerProps) {
  const focus = view.node!;
  const requests = useMemo(() => viewRequests(view), [view]);
  const results = useLineageAnswers(requests, initialAnswers);
  // viewRequests lists the focus's own requests first.
  const baseCount = (view.up > 0 ? 1 : 0) + (view.down > 0 ? 1 : 0);
  const baseResults = results.slice(0, baseCount);
  const baseError = baseResults.map((r, i) => r.error ?? initialErrors[requests[i].key]).find((e) => e);
  const baseReady = baseResults.every((r) => r.data);

  // The merged graph; while a new base view loads, the previous one stays on screen.
  const answers = results.map((r) => r.data);
  const dataKey = answers.map((a) => (a ? 1 : 0)).join("") + requests.map((r) => r.key).join("|");
  const lastGood = useRef<LineageGraph | null>(null);
  const graph = useMemo(() => {
    if (!baseReady) return null;
    return buildGraph(focus, answers);
  }, [focus, baseReady, dataKey]); // answers are identified by dataKey
  if (graph) lastGood.current = graph;
  const shown = baseError ? null : (graph ?? lastGood.current);

  const clustered = useMemo(() => (shown ? buildView(shown, view) : null), [shown, view]);
  const key = layoutKey(view);
  const drawn = clustered ?? EMPTY;
  const { positions, ms: layoutMs, remember } = useStableLayout(drawn, key);
  const elements = useMemo(() => toElements(drawn, positions), [drawn, positions]);

  const [hits, setHits] = useState<ReadonlySet<string>>(new Set());
  const canvas = useRef<CanvasApi | null>(null);
  const pending = results.slice(baseCount).filter((r) => r.isFetching).length;
  const failed = results
    .map((r, i) => ({ r, req: requests[i] }))
    .slice(baseCount)
    .filter(({ r }) => r.error)
    .map(({ r, req }) => ({ key: formatExpansion(req), message: r.error!.message }));

  const select = useCallback((id: string | null) => setView({ ...view, sel: id ?? undefined }), [view, setView]);
  const expand = useCallback(
    (id: string, direction: "up" | "down") => {
      const depth = view.mode === "all" ? 1 : 2;
      const cluster = drawn.nodes.find((n) => n.id === id && n.kind === "cluster");
      const ids = cluster
        ? (cluster.members ?? []).filter((m) => (shown?.nodes[m]?.hidden[direction] ?? 0) > 0).slice(0, MAX_CLUSTER_EXPANSIONS)
        : [id];
      let next = view;
      for (const node of ids) next = withExpansion(next, { direction, depth, node });
      setView(next);
    },
    [view, setView, drawn, shown],
  );
  const pullOut = useCallback((ids: string[], sel?: string) => setView({ ...withOpen(view, ids), sel: sel ?? view.sel }), [view, setView]);
  const focusOn = useCallback((id: string) => setView(refocus(view, id), "push"), [view, setView]);

  const selectedNode = view.sel ? drawn.nodes.find((n) => n.id === view.sel) ?? null : null;

  // While a workflow runs, lineage grows: announce new neighbours instead of redrawing under the user.
  const queryClient = useQueryClient();
  const shownIds = useMemo(() => new Set(shown ? Object.keys(shown.nodes) : []), [shown]);
  const live = useLiveLineage(shownIds, { enabled: !view.asOf });

  return (
    <div className="flex flex-col gap-2">
      <ExplorerHeader graph={shown} focus={focus} view={view} drawn={drawn.nodes.length} />
      <NewItemsBanner
        count={live.newNodes.length}
        noun="node"
        onShow={() => {
          void queryClient.invalidateQueries({ queryKey: ["lineage"] });
          live.clear();
        }}
      />
      <LineageToolbar
        view={view}
        setView={setView}
        graph={shown}
        memberOf={drawn.memberOf}
        canvas={canvas}
        onHits={setHits}
        onFound={(id, cluster) => {
          if (cluster) pullOut([id], id);
          else select(id);
          setTimeout(() => canvas.current?.center(id), 50);
        }}
      />
      {baseError ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {baseError.message}
        </div>
      ) : null}
      <div className="flex h-[calc(100vh_-_200px)] min-h-[480px] gap-2">
        <section aria-label="Graph" className="relative min-w-0 flex-1 overflow-hidden rounded-md border border-slate-200 bg-white shadow-xs">
          <LineageCanvas
            elements={elements}
            resetKey={key}
            selected={view.sel ?? null}
            hits={hits}
            layoutMs={layoutMs}
            onSelect={select}
            onExpand={expand}
            onMoved={remember}
            apiRef={canvas}
          />
          <GraphOverlay
            canvas={canvas}
            selected={view.sel}
            loading={!baseReady && !baseError}
            pending={pending}
            failed={failed}
            truncated={shown?.truncated ?? false}
            max={view.max}
            onDropExpansion={(k) => setView({ ...view, exp: view.exp.filter((e) => formatExpansion(e) !== k) })}
          />
        </section>
        {view.table && shown ? (
          <LineageTable graph={shown} memberOf={drawn.memberOf} selected={view.sel} onSelect={(id, cluster) => (cluster ? pullOut([id], id) : select(id))} focus={focus} asOf={view.asOf} />
        ) : null}
        {selectedNode && shown ? (
          <DetailsPanel
            node={selectedNode}
            graph={shown}
            onClose={() => select(null)}
            onExpand={expand}
            onFocus={focusOn}
            onPullOut={pullOut}
          />
        ) : null}
      </div>
    </div>
  );
}
