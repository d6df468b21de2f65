import type { Conv2DAttrs } from '../../../../kernels/op-specs.js';
import type { NumericArray } from './gemm.js';
import { NR } from './micro-kernel.js';

// The packed writers below index panels with `>> 3` / `& 7`: they assume 8-wide panels.
const panelWidthIsEight: 8 = NR;
void panelWidthIsEight;

/**
 * Everything a convolution kernel needs about its shapes, for `x: [n, c, h, w]`,
 * `w: [o, cg, kh, kw]`, `y: [n, o, oh, ow]` with `groups` channel groups.
 */
export interface ConvGeometry {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly o: number;
  readonly kh: number;
  readonly kw: number;
  readonly oh: number;
  readonly ow: number;
  readonly sh: number;
  readonly sw: number;
  readonly pt: number;
  readonly pl: number;
  readonly dh: number;
  readonly dw: number;
  readonly groups: number;
  /** Input channels per group. */
  readonly cg: number;
  /** Output channels per group. */
  readonly og: number;
  /** Rows of the column matrix: `cg · kh · kw`. */
  readonly kc: number;
  /** Output pixels per image: `oh · ow`. */
  readonly p: number;
}

/**
 * The geometry of a convolution from its input, filter and output shapes (the output's spatial
 * size is taken from `outShape` when given — the `dy` of a backward pass — and computed otherwise).
 */
export function convGeometry(
  xShape: readonly number[],
  wShape: readonly number[],
  outShape: readonly number[] | null,
  attrs: Conv2DAttrs,
): ConvGeometry {
  const [n, c, h, w] = xShape as [number, number, number, number];
  const [o, cg, kh, kw] = wShape as [number, number, number, number];
  const [sh, sw] = attrs.stride;
  const [pt, pb, pl, pr] = attrs.padding;
  const [dh, dw] = attrs.dilation;
  const oh = outShape !== null ? outShape[2]! : Math.floor((h + pt + pb - dh * (kh - 1) - 1) / sh) + 1;
  const ow = outShape !== null ? outShape[3]! : Math.floor((w + pl + pr - dw * (kw - 1) - 1) / sw) + 1;
  const groups = attrs.groups;
  return {
    n,
    c,
    h,
    w,
    o,
    kh,
    kw,
    oh,
    ow,
    sh,
    sw,
    pt,
    pl,
    dh,
    dw,
    groups,
    cg,
    og: o / groups,
    kc: cg * kh * kw,
    p: oh * ow,
  };
}

/** True when the column matrix of one group is the input itself (1×1 kernel, stride 1, no padding). */
export function isPointwise(g: ConvGeometry): boolean {
  return g.kh === 1 && g.kw === 1 && g.oh === g.h && g.ow === g.w && g.pt === 0 && g.pl === 0;
}

const scratches: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

/** A reusable double buffer (slot 0 or 1) of at least `size` elements; contents unspecified. */
export function scratch(slot: 0 | 1, size: number): Float64Array {
  let buf = scratches[slot]!;
  if (buf.length < size) {
    buf = new Float64Array(Math.max(size, Math.floor(buf.length * 1.5)));
    scratches[slot] = buf;
  }
  return buf;
}

/** Doubles a column-matrix chunk may hold (8 MiB): bounds the scratch memory of large images. */
const CHUNK_ELEMENTS = 1 << 20;

/**
 * How many output pixels (columns of the `kc`-row column matrix) to unroll at a time: all of
 * them when they fit in `CHUNK_ELEMENTS`, otherwise a multiple of `NR`.
 */
export function columnChunk(g: ConvGeometry): number {
  if (g.kc * g.p <= CHUNK_ELEMENTS) return Math.max(g.p, 1);
  return Math.max(NR, Math.floor(CHUNK_ELEMENTS / g.kc / NR) * NR);
}

/**
 * The range `[lo, hi)` of output positions `q < outSize` whose tap `q·stride + shift` falls in
 * `[0, inSize)`.
 */
function validRange(shift: number, stride: number, inSize: number, outSize: number): [number, number] {
  const lo = Math.min(outSize, Math.max(0, Math.ceil(-shift / stride)));
  const hi = Math.max(lo, Math.min(outSize, Math.floor((inSize - 1 - shift) / stride) + 1));
  return [lo, hi];
}

/**
 * The taps of the column matrix of one image and group, restricted to output pixels `[q0, q1)`, as
 * runs of consecutive pixels: for row `(ci, i, j)` and output row `y`, pixels `[qa, qb)` (relative
 * to `q0`) read the input from offset `src` on with step `sw` (taps in the padding are left out).
 * Returns the runs as `[row, qa, qb, src]` quadruples in a reused array, ended by a `-1`.
 */
function collectRuns(g: ConvGeometry, xOff: number, q0: number, q1: number): Int32Array {
  const { cg, h, w, kh, kw, oh, ow, sh, sw, pt, pl, dh, dw } = g;
  const yFirst = Math.floor(q0 / ow);
  const yLast = Math.ceil(q1 / ow);
  const maxRuns = g.kc * Math.max(0, yLast - yFirst);
  if (runs.length < 4 * maxRuns + 1) runs = new Int32Array(4 * maxRuns + 1);
  let count = 0;
  let row = 0;
  for (let ci = 0; ci < cg; ci++) {
    const plane = xOff + ci * h * w;
    for (let i = 0; i < kh; i++) {
      const [yLo, yHi] = validRange(i * dh - pt, sh, h, oh);
      const y0 = Math.max(yLo, yFirst);
      const y1 = Math.min(yHi, yLast);
      for (let j = 0; j < kw; j++, row++) {
        const shift = j * dw - pl;
        const [xLo, xHi] = validRange(shift, sw, w, ow);
        for (let y = y0; y < y1; y++) {
          const qa = Math.max(y * ow + xLo, q0);
          const qb = Math.min(y * ow + xHi, q1);
          if (qa >= qb) continue;
          const at = 4 * count++;
          runs[at] = row;
          runs[at + 1] = qa - q0;
          runs[at + 2] = qb - q0;
          runs[at + 3] = plane + (y * sh - pt + i * dh) * w + (qa - y * ow) * sw + shift;
        }
      }
    }
  }
  runs[4 * count] = -1;
  return runs;
}

let runs = new Int32Array(1);

/**
 * Unrolls output pixels `[q0, q1)` of one image and group (`xOff`: channel 0 of the group) into
 * the column matrix `col: [cg·kh·kw, q1 − q0]` — row `(ci, i, j)`, column `q = y·ow + x` holds
 * `x[ci, y·sh − pt + i·dh, x·sw − pl + j·dw]`, 0 in the padding — written straight into the
 * packed-B layout of `gemmPackedB` (panels of `NR` pixels): element `(row, q)` goes to
 * `dst[⌊(q−q0)/NR⌋·kc·NR + row·NR + (q−q0) % NR]`. `q0` is a multiple of `NR`.
 */
export function im2colPacked(x: NumericArray, xOff: number, g: ConvGeometry, q0: number, q1: number, dst: Float64Array): void {
  const panel = g.kc * NR;
  const sw = g.sw;
  dst.fill(0, 0, Math.ceil((q1 - q0) / NR) * panel);
  const list = collectRuns(g, xOff, q0, q1);
  for (let r = 0; list[r]! >= 0; r += 4) {
    const rowOff = list[r]! * NR;
    const end = list[r + 2]!;
    let s = list[r + 3]!;
    for (let q = list[r + 1]!; q < end; q++) {
      dst[(q >> 3) * panel + rowOff + (q & 7)] = x[s]!;
      s += sw;
    }
  }
}

/**
 * The transpose of `im2colPacked`: output pixels `[q0, q1)` of `colᵀ: [q1 − q0, kc]` in packed-B
 * layout (panels of `NR` column-matrix rows): element `(q, row)` goes to
 * `dst[⌊row/NR⌋·(q1−q0)·NR + (q−q0)·NR + row % NR]`.
 */
export function im2colPackedT(x: NumericArray, xOff: number, g: ConvGeometry, q0: number, q1: number, dst: Float64Array): void {
  const panel = (q1 - q0) * NR;
  const sw = g.sw;
  dst.fill(0, 0, Math.ceil(g.kc / NR) * panel);
  const list = collectRuns(g, xOff, q0, q1);
  for (let r = 0; list[r]! >= 0; r += 4) {
    const row = list[r]!;
    const base = (row >> 3) * panel + (row & 7);
    const end = list[r + 2]!;
    let s = list[r + 3]!;
    for (let q = list[r + 1]!; q < end; q++) {
      dst[base + q * 8] = x[s]!;
      s += sw;
    }
  }
}

/**
 * The adjoint of unrolling: adds every entry of `col: [cg·kh·kw, q1 − q0]` (row-major; row
 * `(ci, i, j)`, column `q − q0` for output pixel `q`) to the input position it stands for, as in
 * `im2colPacked`; padding taps are dropped. `dxOff` is the offset of channel 0 of the group.
 */
export function col2im(col: Float64Array, g: ConvGeometry, q0: number, q1: number, dx: Float64Array, dxOff: number): void {
  const width = q1 - q0;
  const sw = g.sw;
  const list = collectRuns(g, dxOff, q0, q1);
  for (let r = 0; list[r]! >= 0; r += 4) {
    const rowOff = list[r]! * width;
    const end = rowOff + list[r + 2]!;
    let d = list[r + 3]!;
    for (let q = rowOff + list[r + 1]!; q < end; q++) {
      dx[d]! += col[q]!;
      d += sw;
    }
  }
}
