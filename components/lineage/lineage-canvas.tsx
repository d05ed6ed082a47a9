"use client";

import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from "cytoscape";
import { useEffect, useRef, useState, type RefObject } from "react";
import { lineageStyle } from "./cy-style";
import { exportPng, exportSvg } from "./export-graph";
import { Minimap } from "./minimap";
import { publishProbe } from "./probe";
import { NODE_HEIGHT, NODE_WIDTH } from "./to-elements";
import { openingViewport } from "./viewport";

// Owns the cytoscape instance. Elements come in with their positions already computed (preset
// layout); this component only syncs them: nodes that stay keep their place, new ones appear, gone
// ones leave. Selection highlights every path through the selected node.

export type CanvasApi = { fit(): void; center(id: string): void; png(name: string): void; svg(name: string): void };
export type CanvasProps = {
  elements: ElementDefinition[];
  // A new key means a new base view: replace everything and fit.
  resetKey: string;
  selected: string | null;
  hits: ReadonlySet<string>;
  layoutMs: number;
  onSelect(id: string | null): void;
  onExpand(id: string, direction: "up" | "down"): void;
  onMoved(id: string, position: { x: number; y: number }): void;
  apiRef: RefObject<CanvasApi | null>;
};

const LARGE = 600; // nodes; above it edges and labels get cheaper (see cy-style.ts)

export default function LineageCanvas(props: CanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const callbacks = useRef(props);
  const shown = useRef<{ key: string | null; large: boolean }>({ key: null, large: false });
  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    // Sized for the graph it opens with (the canvas mounts once the first answers are in).
    const large = countNodes(callbacks.current.elements) > LARGE;
    shown.current.large = large;
    const instance = cytoscape({
      container: container.current,
      style: lineageStyle(large),
      layout: { name: "preset" },
      minZoom: 0.03,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
      textureOnViewport: true,
      hideEdgesOnViewport: large,
      pixelRatio: 1,
    });
    instance.on("tap", (e: EventObject) => {
      if (e.target === instance) return callbacks.current.onSelect(null);
      if (!e.target.isNode?.() || e.target.hasClass("stage-group")) return;
      const node = e.target as NodeSingular;
      const side = badgeSide(node, e.position);
      if (side) callbacks.current.onExpand(node.id(), side);
      else callbacks.current.onSelect(node.id());
    });
    instance.on("dragfree", "node", (e: EventObject) => {
      const n = e.target as NodeSingular;
      if (!n.isParent()) callbacks.current.onMoved(n.id(), { ...n.position() });
    });
    // The panels beside the graph open and close: follow the container's size, not the window's.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current!);
    setCy(instance);
    return () => {
      observer.disconnect();
      instance.destroy();
      setCy(null);
    };
  }, []);

  useEffect(() => {
    props.apiRef.current = cy && {
      fit: () => fitAll(cy),
      center: (id) => {
        const n = cy.getElementById(id);
        if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 250 });
      },
      png: (name) => exportPng(cy, name),
      svg: (name) => exportSvg(cy, name),
    };
  }, [cy, props.apiRef]);

  // Sync the elements.
  const { elements, resetKey, layoutMs } = props;
  useEffect(() => {
    if (!cy) return;
    const started = performance.now();
    const large = countNodes(elements) > LARGE;
    const reset = shown.current.key !== resetKey;
    cy.batch(() => {
      if (large !== shown.current.large) cy.style(lineageStyle(large));
      if (reset) {
        cy.elements().remove();
        cy.add(elements);
      } else {
        syncElements(cy, elements);
      }
    });
    shown.current = { key: resetKey, large };
    if (reset) openOnFocus(cy, elements);
    const syncMs = performance.now() - started;
    cy.one("render", () =>
      requestAnimationFrame(() => publishProbe(cy, container.current, { layoutMs, syncMs, startedAt: started, renderedAt: performance.now() })),
    );
    cy.forceRender();
  }, [cy, elements, resetKey, layoutMs]);

  // Selection and its paths.
  const { selected, hits } = props;
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      // Only the elements that carry a class: cytoscape's removeClass restyles every element it is
      // called on, whether it had the class or not, which on a 2,000-node graph doubled the cost
      // of the first paint.
      cy.$(".on-path, .faded, .search-hit").removeClass("on-path faded search-hit");
      cy.$(":selected").unselect();
      for (const id of hits) cy.getElementById(id).addClass("search-hit");
      const node = selected ? cy.getElementById(selected) : null;
      if (!node || node.empty()) return;
      node.select();
      const path = node.predecessors().union(node.successors());
      path.addClass("on-path");
      cy.elements().difference(path).difference(node).filter((el) => !el.hasClass("stage-group")).addClass("faded");
    });
  }, [cy, selected, hits, elements]);

  return (
    <div className="relative h-full w-full">
      <div ref={container} className="h-full w-full" aria-label="Lineage graph" role="img" data-testid="lineage-canvas" />
      {cy ? <Minimap cy={cy} version={elements} /> : null}
    </div>
  );
}

// Add what is new, drop what is gone, refresh the rest in place (positions included: the caller
// keeps old nodes where they were).
function syncElements(cy: Core, elements: ElementDefinition[]) {
  const wanted = new Map(elements.map((e) => [e.data.id!, e]));
  cy.elements().forEach((el) => {
    if (el.inside() && !wanted.has(el.id())) el.remove();
  });
  const fresh = elements.filter((e) => cy.getElementById(e.data.id!).empty());
  // Parents before children, nodes before edges.
  cy.add(fresh.sort((a, b) => rank(a) - rank(b)));
  const added = new Set(fresh.map((e) => e.data.id));
  for (const e of elements) {
    if (added.has(e.data.id)) continue;
    const el = cy.getElementById(e.data.id!);
    // id, source, target and parent cannot change through data().
    const { id: _id, source: _s, target: _t, parent, ...data } = e.data;
    el.data(data);
    el.classes(e.classes ?? "");
    if (e.group !== "nodes") continue;
    const node = el as NodeSingular;
    const want = parent ?? null;
    const have = node.parent().nonempty() ? node.parent().first().id() : null;
    if (want !== have) node.move({ parent: want });
    if (e.position && !node.isParent()) node.position(e.position);
  }
}

const countNodes = (elements: ElementDefinition[]) =>
  elements.reduce((n, e) => (e.group === "nodes" && !String(e.classes).includes("stage-group") ? n + 1 : n), 0);

const rank = (e: ElementDefinition) => (e.group === "edges" ? 2 : String(e.classes).includes("stage-group") ? 0 : 1);

function fitAll(cy: Core) {
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.1) {
    cy.zoom(1.1);
    cy.center();
  }
}

// A new view opens on its focus: the whole graph if it fits readably, else the focus at a zoom
// where labels can be read (the minimap and "Fit" show the rest).
function openOnFocus(cy: Core, elements: ElementDefinition[]) {
  const nodes = elements.filter((e) => e.group === "nodes" && e.position && !String(e.classes).includes("stage-group"));
  const focus = nodes.find((e) => String(e.classes).split(" ").includes("focus"))?.position ?? null;
  cy.viewport(
    openingViewport(
      nodes.map((e) => e.position!),
      focus,
      { width: cy.width(), height: cy.height() },
      { width: NODE_WIDTH, height: NODE_HEIGHT + 30 }, // room for group titles
    ),
  );
}

// The lower corners of a boundary node carry its "◂ +3" / "+12 ▸" badges: a tap there expands.
function badgeSide(node: NodeSingular, at: { x: number; y: number }): "up" | "down" | null {
  const p = node.position();
  if (node.hasClass("stage-group") || at.y < p.y) return null;
  if (at.x < p.x - NODE_WIDTH / 6 && node.data("hiddenUp") > 0) return "up";
  if (at.x > p.x + NODE_WIDTH / 6 && node.data("hiddenDown") > 0) return "down";
  return null;
}
