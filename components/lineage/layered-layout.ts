// A fast left-to-right layered ("Sugiyama") layout for lineage graphs. dagre does the same with
// more care (dummy nodes, network-simplex ranking) but takes 2–60 s for 2,000 nodes; this takes
// tens of milliseconds, which is what keeps a 2,000-node view interactive:
//   1. break cycles (an artifact both read and written by one step) by ignoring DFS back edges;
//   2. rank by longest path from the sources, then pull each source next to its first consumer;
//   3. order each rank by barycentre sweeps (fewer crossings);
//   4. place rows: each node as close to its neighbours' mean height as the order and spacing
//      allow (isotonic regression, pool-adjacent-violators), so chains come out straight.
// With groups, every group gets a horizontal lane; groups whose ranks do not overlap share a lane.

export type Point = { x: number; y: number };
export type LayoutInput = {
  nodes: Array<{ id: string; group?: string }>;
  edges: Array<{ source: string; target: string }>;
};
export type LayoutOptions = { rankGap: number; rowGap: number; laneGap: number; sweeps: number };
export const DEFAULT_LAYOUT: LayoutOptions = { rankGap: 230, rowGap: 58, laneGap: 70, sweeps: 4 };

export function layeredLayout(input: LayoutInput, options: LayoutOptions = DEFAULT_LAYOUT): Map<string, Point> {
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    succ[s].push(t);
    pred[t].push(s);
  }
  const { dagSucc, dagPred } = acyclic(n, succ);
  const rank = ranks(n, dagSucc, dagPred);
  const groups = input.nodes.map((node) => node.group ?? "");
  const layers = order(n, rank, succ, pred, groups, options.sweeps);
  const ys = groups.some((g) => g !== "") ? laneRows(layers, rank, groups, options) : rows(layers, succ, pred, options);
  const out = new Map<string, Point>();
  for (let i = 0; i < n; i++) out.set(input.nodes[i].id, { x: rank[i] * options.rankGap, y: ys[i] });
  return out;
}

// DFS from every node in input order; edges back to a node still on the stack close a cycle and
// are left out of ranking (they are still drawn).
function acyclic(n: number, succ: number[][]) {
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const dagSucc: number[][] = Array.from({ length: n }, () => []);
  const dagPred: number[][] = Array.from({ length: n }, () => []);
  for (let root = 0; root < n; root++) {
    if (state[root]) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i >= succ[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const w = succ[v][i];
      if (state[w] === 1) continue; // back edge
      dagSucc[v].push(w);
      dagPred[w].push(v);
      if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  return { dagSucc, dagPred };
}

function ranks(n: number, succ: number[][], pred: number[][]): number[] {
  const rank = new Array<number>(n).fill(0);
  const indegree = pred.map((p) => p.length);
  const topo: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) topo.push(v);
  for (let i = 0; i < topo.length; i++) {
    const v = topo[i];
    for (const w of succ[v]) {
      rank[w] = Math.max(rank[w], rank[v] + 1);
      if (--indegree[w] === 0) topo.push(w);
    }
  }
  // Sources sit right before their earliest consumer rather than all in the first column.
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i];
    if (pred[v].length === 0 && succ[v].length > 0) rank[v] = Math.min(...succ[v].map((w) => rank[w])) - 1;
  }
  const min = n ? Math.min(...rank) : 0;
  return rank.map((r) => r - min);
}

// Barycentre ordering: alternately sort each rank by the mean position of its neighbours in the
// ranks before it, then after it. Groups stay contiguous within a rank (sorted by group first).
function order(n: number, rank: number[], succ: number[][], pred: number[][], groups: string[], sweeps: number): number[][] {
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) (layers[rank[v]] ??= []).push(v);
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];
  const pos = new Float64Array(n);
  const groupOrder = new Map<string, number>();
  for (const g of groups) if (!groupOrder.has(g)) groupOrder.set(g, groupOrder.size);
  const renumber = (layer: number[]) => layer.forEach((v, i) => (pos[v] = i / Math.max(1, layer.length - 1)));
  layers.forEach(renumber);
  const key = new Float64Array(n);
  const sortLayer = (layer: number[], neighbours: number[][]) => {
    for (const v of layer) {
      const ns = neighbours[v];
      if (ns.length === 0) key[v] = pos[v];
      else {
        let sum = 0;
        for (const w of ns) sum += pos[w];
        key[v] = sum / ns.length;
      }
    }
    layer.sort((a, b) => groupOrder.get(groups[a])! - groupOrder.get(groups[b])! || key[a] - key[b] || a - b);
    renumber(layer);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let r = 1; r < layers.length; r++) sortLayer(layers[r], pred);
    for (let r = layers.length - 2; r >= 0; r--) sortLayer(layers[r], succ);
  }
  return layers;
}

// Heights: start stacked and centred, then repeatedly pull each node towards the mean height of its
// neighbours, keeping the order and at least `rowGap` between consecutive nodes of a rank.
function rows(layers: number[][], succ: number[][], pred: number[][], options: LayoutOptions): Float64Array {
  const y = new Float64Array(succ.length);
  for (const layer of layers) layer.forEach((v, i) => (y[v] = (i - (layer.length - 1) / 2) * options.rowGap));
  const settle = (layer: number[], neighbours: number[][]) => {
    const desired = layer.map((v) => {
      const ns = neighbours[v];
      if (ns.length === 0) return y[v];
      let sum = 0;
      for (const w of ns) sum += y[w];
      return sum / ns.length;
    });
    const placed = spaced(desired, options.rowGap);
    layer.forEach((v, i) => (y[v] = placed[i]));
  };
  for (let s = 0; s < 3; s++) {
    for (let r = 1; r < layers.length; r++) settle(layers[r], pred);
    for (let r = layers.length - 2; r >= 0; r--) settle(layers[r], succ);
  }
  return y;
}

// Closest positions (least squares) to `desired` with y[i+1] - y[i] >= gap: isotonic regression of
// desired[i] - i·gap by pool-adjacent-violators, shifted back. O(n).
export function spaced(desired: number[], gap: number): number[] {
  const blocks: Array<{ sum: number; count: number }> = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: d - i * gap, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  });
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + out.length * gap);
  return out;
}

// Grouped heights: each group is a block as tall as its fullest rank; groups whose rank ranges do
// not overlap share a lane, so a pipeline's stages line up left to right like the workflow.
function laneRows(layers: number[][], rank: number[], groups: string[], options: LayoutOptions): Float64Array {
  const info = new Map<string, { min: number; max: number; height: number }>();
  for (const layer of layers) {
    const perGroup = new Map<string, number>();
    for (const v of layer) perGroup.set(groups[v], (perGroup.get(groups[v]) ?? 0) + 1);
    for (const [g, count] of perGroup) {
      const r = rank[layer[0]];
      const cur = info.get(g) ?? { min: r, max: r, height: 0 };
      info.set(g, { min: Math.min(cur.min, r), max: Math.max(cur.max, r), height: Math.max(cur.height, count) });
    }
  }
  const lanes: Array<{ lastMax: number; height: number }> = [];
  const laneOf = new Map<string, number>();
  for (const [g, { min, max, height }] of [...info].sort((a, b) => a[1].min - b[1].min)) {
    let lane = lanes.findIndex((l) => l.lastMax < min);
    if (lane < 0) lane = lanes.push({ lastMax: -1, height: 0 }) - 1;
    lanes[lane] = { lastMax: max, height: Math.max(lanes[lane].height, height) };
    laneOf.set(g, lane);
  }
  const top: number[] = [];
  lanes.reduce((acc, l, i) => ((top[i] = acc), acc + l.height * options.rowGap + options.laneGap), 0);
  const y = new Float64Array(rank.length);
  for (const layer of layers) {
    const seen = new Map<string, number>();
    for (const v of layer) {
      const i = seen.get(groups[v]) ?? 0;
      seen.set(groups[v], i + 1);
      y[v] = top[laneOf.get(groups[v])!] + i * options.rowGap;
    }
  }
  return y;
}
