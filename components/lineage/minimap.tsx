"use client";

import type { Core } from "cytoscape";
import { useEffect, useRef, type PointerEvent } from "react";

// An overview of the whole graph in a corner: every node as a dot, the visible part as a frame.
// Clicking or dragging in it moves the view there. The dots are drawn once per graph change into
// an offscreen canvas; panning only redraws the frame.

const W = 180;
const H = 120;

type Transform = { k: number; ox: number; oy: number; bx: number; by: number };

export function Minimap({ cy, version }: { cy: Core; version: unknown }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const state = useRef<{ t: Transform | null; dots: HTMLCanvasElement | null; stale: boolean; frame: number }>({
    t: null,
    dots: null,
    stale: true,
    frame: 0,
  });

  useEffect(() => {
    const s = state.current;
    const draw = () => {
      s.frame = 0;
      const ctx = canvas.current?.getContext("2d");
      if (!ctx || cy.destroyed()) return;
      if (s.stale) {
        s.t = transform(cy);
        s.dots = drawDots(cy, s.t);
        s.stale = false;
      }
      ctx.clearRect(0, 0, W, H);
      if (!s.t || !s.dots) return;
      ctx.drawImage(s.dots, 0, 0);
      const e = cy.extent();
      const t = s.t;
      ctx.strokeStyle = "#0284c7";
      ctx.lineWidth = 1.5;
      ctx.strokeRect(t.ox + (e.x1 - t.bx) * t.k, t.oy + (e.y1 - t.by) * t.k, (e.x2 - e.x1) * t.k, (e.y2 - e.y1) * t.k);
    };
    const schedule = () => {
      if (!s.frame) s.frame = requestAnimationFrame(draw);
    };
    const changed = () => {
      s.stale = true;
      schedule();
    };
    changed();
    cy.on("viewport resize", schedule);
    cy.on("dragfree", changed);
    return () => {
      cy.removeListener("viewport resize", schedule);
      cy.removeListener("dragfree", changed);
      if (s.frame) cancelAnimationFrame(s.frame);
      s.frame = 0;
    };
  }, [cy, version]);

  const panTo = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.type === "pointermove" && e.buttons !== 1) return;
    const t = state.current.t;
    if (!t || !canvas.current) return;
    const box = canvas.current.getBoundingClientRect();
    const x = (e.clientX - box.left - t.ox) / t.k + t.bx;
    const y = (e.clientY - box.top - t.oy) / t.k + t.by;
    const z = cy.zoom();
    cy.pan({ x: cy.width() / 2 - x * z, y: cy.height() / 2 - y * z });
  };

  return (
    <canvas
      ref={canvas}
      width={W}
      height={H}
      aria-label="Overview of the whole graph; click to move the view"
      className="absolute bottom-2 right-2 cursor-crosshair rounded border border-slate-300 bg-white/90 shadow-sm"
      onPointerDown={panTo}
      onPointerMove={panTo}
    />
  );
}

// Model coordinates -> minimap pixels, fitting the graph's bounding box with a margin.
function transform(cy: Core): Transform | null {
  const bb = cy.nodes().boundingBox({ includeLabels: false });
  if (!Number.isFinite(bb.w) || bb.w <= 0) return null;
  const k = Math.min((W - 12) / bb.w, (H - 12) / Math.max(bb.h, 1));
  return { k, ox: (W - bb.w * k) / 2, oy: (H - bb.h * k) / 2, bx: bb.x1, by: bb.y1 };
}

function drawDots(cy: Core, t: Transform | null): HTMLCanvasElement | null {
  if (!t) return null;
  const c = document.createElement("canvas");
  c.width = W;
  c.height = H;
  const ctx = c.getContext("2d")!;
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    ctx.fillStyle = n.hasClass("focus") ? "#f59e0b" : n.hasClass("execution") || n.hasClass("of-execution") ? "#10b981" : "#64748b";
    ctx.fillRect(t.ox + (p.x - t.bx) * t.k - 1, t.oy + (p.y - t.by) * t.k - 1, 2.5, 2.5);
  });
  return c;
}
