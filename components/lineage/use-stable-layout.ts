"use client";

import { useCallback, useMemo, useRef } from "react";
import { layeredLayout, DEFAULT_LAYOUT, type Point } from "./layered-layout";
import type { ViewGraph } from "./project-graph";
import { stablePositions } from "./stable-positions";
import { NODE_WIDTH } from "./to-elements";

// Positions for the drawn graph: a fresh layered layout, with every node that was already on screen
// (under the same layout key) kept where it was, dragged nodes included.
export function useStableLayout(view: ViewGraph, key: string) {
  const memory = useRef<{ key: string; positions: Map<string, Point> }>({ key: "", positions: new Map() });
  const layout = useMemo(() => {
    const started = performance.now();
    const fresh = layeredLayout({ nodes: view.nodes.map((n) => ({ id: n.id, group: n.group })), edges: view.edges });
    const previous = memory.current.key === key ? memory.current.positions : new Map<string, Point>();
    const positions = stablePositions(previous, fresh, view.edges, { width: NODE_WIDTH + 30, height: DEFAULT_LAYOUT.rowGap - 6 });
    // Remembered for the next change; a re-run with the same inputs computes the same positions.
    memory.current = { key, positions };
    return { positions, ms: performance.now() - started };
  }, [view, key]);
  const remember = useCallback((id: string, p: Point) => {
    memory.current.positions.set(id, p);
  }, []);
  return { ...layout, remember };
}
