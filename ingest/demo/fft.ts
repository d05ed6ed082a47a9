// A small radix-2 complex FFT (in place, iterative) and its 2D form on an n×n grid stored row by
// row. Enough for the 64×64 spectral solver: no dependency, and fast in plain typed arrays
// (columns are transposed into rows so every 1D transform runs on contiguous memory).

export class Fft {
  private readonly wr: Float64Array; // twiddles of every stage, stage after stage
  private readonly wi: Float64Array;
  private readonly swaps: Uint32Array; // bit-reversal pairs (i < j)

  constructor(readonly n: number) {
    if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`FFT size must be a power of two ≥ 2, got ${n}`);
    this.wr = new Float64Array(n);
    this.wi = new Float64Array(n);
    let at = 0;
    for (let size = 2; size <= n; size <<= 1) {
      for (let k = 0; k < size / 2; k++, at++) {
        this.wr[at] = Math.cos((2 * Math.PI * k) / size);
        this.wi[at] = Math.sin((2 * Math.PI * k) / size);
      }
    }
    const bits = Math.log2(n);
    const pairs: number[] = [];
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      if (r > i) pairs.push(i, r);
    }
    this.swaps = Uint32Array.from(pairs);
  }

  // Unnormalised transform of re/im[offset … offset + n); sign −1 forward, +1 inverse.
  transform(re: Float64Array, im: Float64Array, offset: number, sign: 1 | -1) {
    const { n, swaps, wr, wi } = this;
    for (let s = 0; s < swaps.length; s += 2) {
      const a = offset + swaps[s];
      const b = offset + swaps[s + 1];
      let t = re[a];
      re[a] = re[b];
      re[b] = t;
      t = im[a];
      im[a] = im[b];
      im[b] = t;
    }
    let tw = 0;
    for (let size = 2; size <= n; size <<= 1) {
      const half = size >> 1;
      for (let start = offset; start < offset + n; start += size) {
        for (let k = 0; k < half; k++) {
          const cr = wr[tw + k];
          const ci = sign * wi[tw + k];
          const a = start + k;
          const b = a + half;
          const xr = re[b] * cr - im[b] * ci;
          const xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
      tw += half;
    }
  }
}

export class Fft2 {
  private readonly fft: Fft;
  private readonly tr: Float64Array;
  private readonly ti: Float64Array;

  constructor(readonly n: number) {
    this.fft = new Fft(n);
    this.tr = new Float64Array(n * n);
    this.ti = new Float64Array(n * n);
  }

  forward(re: Float64Array, im: Float64Array) {
    this.both(re, im, -1, 1);
  }

  // Normalised: inverse(forward(x)) = x.
  inverse(re: Float64Array, im: Float64Array) {
    this.both(re, im, 1, 1 / (this.n * this.n));
  }

  private both(re: Float64Array, im: Float64Array, sign: 1 | -1, scale: number) {
    const { n, tr, ti, fft } = this;
    for (let row = 0; row < n * n; row += n) fft.transform(re, im, row, sign);
    transpose(re, im, tr, ti, n, 1);
    for (let row = 0; row < n * n; row += n) fft.transform(tr, ti, row, sign);
    transpose(tr, ti, re, im, n, scale);
  }
}

function transpose(re: Float64Array, im: Float64Array, toRe: Float64Array, toIm: Float64Array, n: number, scale: number) {
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      toRe[x * n + y] = re[y * n + x] * scale;
      toIm[x * n + y] = im[y * n + x] * scale;
    }
  }
}
