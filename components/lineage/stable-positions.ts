import type { Point } from "./layered-layout";

// Expanding a node must not move what the user is looking at: nodes that already have a position
// keep it. A new node takes its place from a fresh layout of the whole graph, relative to the
// nearest already-placed node (usually the one just expanded), then slides up or down until it
// overlaps nothing.

export type Size = { width: number; height: number };

export function stablePositions(
  previous: ReadonlyMap<string, Point>,
  fresh: ReadonlyMap<string, Point>,
  edges: ReadonlyArray<{ source: string; target: string }>,
  size: Size,
): Map<string, Point> {
  const out = new Map<string, Point>();
  const added: string[] = [];
  for (const id of fresh.keys()) {
    const old = previous.get(id);
    if (old) out.set(id, old);
    else added.push(id);
  }
  if (out.size === 0) return new Map(fresh);
  if (added.length === 0) return out;

  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source);
  }
  const anchorOf = nearestPlaced(added, adjacent, out);
  const occupied = new Grid(size);
  for (const p of out.values()) occupied.add(p);
  // Nodes unconnected to anything placed move with the graph as a whole.
  const drift = meanShift(out, fresh);

  for (const id of added) {
    const f = fresh.get(id)!;
    const anchor = anchorOf.get(id);
    const base = anchor ? { x: out.get(anchor)!.x - fresh.get(anchor)!.x, y: out.get(anchor)!.y - fresh.get(anchor)!.y } : drift;
    const p = occupied.free({ x: f.x + base.x, y: f.y + base.y });
    out.set(id, p);
    occupied.add(p);
  }
  return out;
}

// Multi-source BFS from every placed node: each new node's closest placed node.
function nearestPlaced(added: string[], adjacent: Map<string, string[]>, placed: Map<string, Point>): Map<string, string> {
  const want = new Set(added);
  const anchorOf = new Map<string, string>();
  let frontier = [...placed.keys()].filter((id) => adjacent.has(id));
  const from = new Map(frontier.map((id) => [id, id]));
  while (frontier.length && anchorOf.size < want.size) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const w of adjacent.get(v) ?? []) {
        if (from.has(w)) continue;
        from.set(w, from.get(v)!);
        if (want.has(w)) anchorOf.set(w, from.get(v)!);
        next.push(w);
      }
    }
    frontier = next;
  }
  return anchorOf;
}

function meanShift(placed: Map<string, Point>, fresh: ReadonlyMap<string, Point>): Point {
  let x = 0;
  let y = 0;
  for (const [id, p] of placed) {
    const f = fresh.get(id)!;
    x += p.x - f.x;
    y += p.y - f.y;
  }
  return { x: x / placed.size, y: y / placed.size };
}

// Occupied node boxes in a coarse grid, for "is this spot free?" in constant time.
class Grid {
  private readonly cells = new Map<string, Point[]>();
  constructor(private readonly size: Size) {}

  private cell(x: number, y: number) {
    return `${Math.floor(x / this.size.width)},${Math.floor(y / this.size.height)}`;
  }

  add(p: Point) {
    const k = this.cell(p.x, p.y);
    (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(p);
  }

  private clashes(p: Point): boolean {
    const cx = Math.floor(p.x / this.size.width);
    const cy = Math.floor(p.y / this.size.height);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs(q.x - p.x) < this.size.width && Math.abs(q.y - p.y) < this.size.height) return true;
        }
      }
    }
    return false;
  }

  // The nearest free spot straight above or below.
  free(p: Point): Point {
    for (let k = 0; k < 10_000; k++) {
      const step = Math.ceil(k / 2) * (k % 2 ? 1 : -1) * this.size.height;
      const q = { x: p.x, y: p.y + step };
      if (!this.clashes(q)) return q;
    }
    return p;
  }
}
