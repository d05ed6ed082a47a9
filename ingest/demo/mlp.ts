// A small residual MLP on Float64Arrays with hand-written backpropagation and Adam: enough to
// train the two EKE architectures of the paper in a second or two, with no ML dependency.
// Layout: stem (in → width), residual blocks h ← h + L_k(relu(… L_1(relu(h)))), head (width → 1)
// applied to relu(h). All weights live in one Float64Array, so hashing or copying a model is one
// call and Adam is one loop.
import type { Rng } from "./rng";

type Layer = { nin: number; nout: number; w: number; b: number }; // offsets into params
export type NetSpec = { inputs: number; width: number; blocks: number[][] }; // hidden sizes inside each block
export type Net = { spec: NetSpec; params: Float64Array; stem: Layer; blocks: Layer[][]; head: Layer };

export function createNet(spec: NetSpec, rng: Rng): Net {
  let at = 0;
  const layer = (nin: number, nout: number): Layer => {
    const l = { nin, nout, w: at, b: at + nin * nout };
    at += nin * nout + nout;
    return l;
  };
  const stem = layer(spec.inputs, spec.width);
  const blocks = spec.blocks.map((hidden) => {
    const sizes = [spec.width, ...hidden, spec.width];
    return sizes.slice(1).map((nout, i) => layer(sizes[i], nout));
  });
  const head = layer(spec.width, 1);
  const params = new Float64Array(at);
  const init = (l: Layer, gain: number) => {
    const s = gain * Math.sqrt(2 / l.nin); // He initialisation
    for (let i = 0; i < l.nin * l.nout; i++) params[l.w + i] = s * rng.normal();
  };
  init(stem, 1);
  // The last layer of each block starts small, so every block starts close to the identity.
  for (const b of blocks) b.forEach((l, i) => init(l, i === b.length - 1 ? 0.1 : 1));
  init(head, 0.5);
  return { spec, params, stem, blocks, head };
}

export const cloneNet = (net: Net): Net => ({ ...net, params: net.params.slice() });

// Per-sample scratch for forward and backward passes: one buffer per activation.
export class Workspace {
  readonly acts: Float64Array[]; // h0, then per block the pre-activations a_1 … a_k, ending with h
  readonly grads: Float64Array;
  private readonly d: Float64Array[];

  constructor(readonly net: Net) {
    const sizes = [net.spec.width];
    for (const b of net.blocks) for (const l of b) sizes.push(l.nout);
    this.acts = sizes.map((s) => new Float64Array(s));
    this.d = sizes.map((s) => new Float64Array(s));
    this.grads = new Float64Array(net.params.length);
  }

  forward(x: Float64Array, at: number): number {
    const { params: p, stem, blocks, head } = this.net;
    const acts = this.acts;
    dense(p, stem, x, at, acts[0], false);
    let k = 0, h = acts[0];
    for (const block of blocks) {
      let a = h;
      for (const l of block) {
        k++;
        dense(p, l, a, 0, acts[k], true);
        a = acts[k];
      }
      for (let i = 0; i < a.length; i++) a[i] += h[i]; // the skip connection
      h = a;
    }
    let out = p[head.b];
    for (let i = 0; i < head.nin; i++) if (h[i] > 0) out += p[head.w + i] * h[i];
    return out;
  }

  // Adds d(loss)/d(params) for the sample just run through forward(), given dLoss/dOutput.
  backward(x: Float64Array, at: number, dout: number) {
    const { params: p, stem, blocks, head } = this.net;
    const { acts, d, grads: g } = this;
    let k = acts.length - 1;
    const h = acts[k];
    let dh = d[k];
    g[head.b] += dout;
    for (let i = 0; i < head.nin; i++) {
      const on = h[i] > 0;
      g[head.w + i] += on ? dout * h[i] : 0;
      dh[i] = on ? dout * p[head.w + i] : 0;
    }
    for (let bi = blocks.length - 1; bi >= 0; bi--) {
      const block = blocks[bi];
      const skip = dh; // gradient at the block's output, also its input's through the skip
      let da = dh;
      for (let li = block.length - 1; li >= 0; li--) {
        const l = block[li];
        const input = acts[k - 1]; // a_{li} (or the block input h)
        const dIn = d[k - 1];
        backDense(p, g, l, input, da, dIn, true);
        if (li === 0) for (let i = 0; i < dIn.length; i++) dIn[i] += skip[i];
        da = dIn;
        k--;
      }
      dh = da;
    }
    // stem: input x (no activation before it)
    for (let o = 0; o < stem.nout; o++) {
      const go = dh[o];
      g[stem.b + o] += go;
      const row = stem.w + o * stem.nin;
      for (let i = 0; i < stem.nin; i++) g[row + i] += go * x[at + i];
    }
  }
}

// out = W·f(in) + b, f = relu when `relu`; W row-major (nout × nin).
function dense(p: Float64Array, l: Layer, input: Float64Array, at: number, out: Float64Array, relu: boolean) {
  for (let o = 0; o < l.nout; o++) {
    let s = p[l.b + o];
    const row = l.w + o * l.nin;
    for (let i = 0; i < l.nin; i++) {
      const v = input[at + i];
      if (!relu || v > 0) s += p[row + i] * v;
    }
    out[o] = s;
  }
}

// Gradients of out = W·relu(in) + b: into g, and dIn = (Wᵀ·dOut) ⊙ relu'(in).
function backDense(p: Float64Array, g: Float64Array, l: Layer, input: Float64Array, dOut: Float64Array, dIn: Float64Array, relu: boolean) {
  dIn.fill(0);
  for (let o = 0; o < l.nout; o++) {
    const go = dOut[o];
    g[l.b + o] += go;
    const row = l.w + o * l.nin;
    for (let i = 0; i < l.nin; i++) {
      const v = input[i];
      if (relu && v <= 0) continue;
      g[row + i] += go * v;
      dIn[i] += go * p[row + i];
    }
  }
}

export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(size: number, private readonly lr: number, private readonly b1 = 0.9, private readonly b2 = 0.999) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  step(params: Float64Array, grads: Float64Array) {
    this.t++;
    const { m, v, b1, b2 } = this;
    const c1 = 1 - b1 ** this.t, c2 = 1 - b2 ** this.t;
    for (let i = 0; i < params.length; i++) {
      const gi = grads[i];
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      params[i] -= (this.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }
}
