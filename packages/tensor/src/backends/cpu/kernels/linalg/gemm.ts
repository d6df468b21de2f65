/**
 * The general matrix product `C (+)= A · B` on strided typed arrays, shared by the MatMul and
 * convolution kernels.
 *
 * Design (a scalar version of the classic Goto/BLIS scheme, tuned for V8):
 * - `B` is packed, `KC` rows × `NC` columns at a time, into `NR`-wide column panels; `A` is packed,
 *   `MC` rows at a time, into `MR`-tall row panels. Packing reads any row/column strides, so
 *   transposed operands cost the same as plain ones.
 * - A 4 × 8 register-blocked micro-kernel keeps 32 accumulators of `C` (doubles) and streams one
 *   packed `A` panel against one packed `B` panel: the WebAssembly SIMD kernel of `simd-kernel.ts`
 *   (f64x2 lanes) where the runtime supports it, else the JavaScript one of `micro-kernel.ts`; both
 *   give bit-identical results.
 * - Packing buffers are `Float64Array`s reused across calls (no allocation per call once warm);
 *   with the SIMD kernel they are views of its WebAssembly memory, so panels are packed in place.
 *
 * Precision: every product is accumulated in double. When `K > KC` the partial sums are kept in a
 * double scratch copy of `C` (never in float32), so a float32 result is rounded exactly once.
 */

import { MR, NR, multiplyPacked, packPanelA, packPanelB } from './micro-kernel.js';
import { simdKernel } from './simd-kernel.js';

/** Float storage a product can be written to. */
export type FloatArray = Float32Array | Float64Array;
/** Storage a product can read. */
export type NumericArray = Float32Array | Float64Array | Int32Array;

const KC = 256;
const MC = 64;
const NC = 512;

let packA = new Float64Array(0);
let packB = new Float64Array(0);
let wide = new Float64Array(0);

/** A reusable double scratch buffer of at least `size` elements (contents unspecified). */
function wideScratch(size: number): Float64Array {
  if (wide.length < size) wide = new Float64Array(Math.max(size, wide.length * 2));
  return wide;
}

/**
 * `C[i, j] (+)= Σ_p A[i, p] · B[p, j]` for `i < m`, `j < n`, `p < k`.
 *
 * Element `(i, p)` of `A` is `a[aOff + i·aRs + p·aCs]`, element `(p, j)` of `B` is
 * `b[bOff + p·bRs + j·bCs]`, element `(i, j)` of `C` is `c[cOff + i·cRs + j]`. With `accumulate`
 * the product is added to `C`, otherwise it overwrites it.
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: NumericArray,
  aOff: number,
  aRs: number,
  aCs: number,
  b: NumericArray,
  bOff: number,
  bRs: number,
  bCs: number,
  c: FloatArray,
  cOff: number,
  cRs: number,
  accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOff + i * cRs, cOff + i * cRs + n);
    return;
  }
  if (m === 1 || n === 1) {
    thinProduct(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, accumulate);
    return;
  }
  if (k > KC && c instanceof Float32Array) {
    // Keep partial sums in double, round once at the end.
    const w = wideScratch(m * n);
    if (accumulate) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[i * n + j] = c[cOff + i * cRs + j]!;
    blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, w, 0, n, accumulate);
    for (let i = 0; i < m; i++) c.set(w.subarray(i * n, i * n + n), cOff + i * cRs);
    return;
  }
  blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, accumulate);
}

/** Matrix-vector and vector-matrix products: no packing, double accumulation. */
function thinProduct(
  m: number,
  n: number,
  k: number,
  a: NumericArray,
  aOff: number,
  aRs: number,
  aCs: number,
  b: NumericArray,
  bOff: number,
  bRs: number,
  bCs: number,
  c: FloatArray,
  cOff: number,
  cRs: number,
  accumulate: boolean,
): void {
  if (m === 1 && bCs === 1 && n > 1) {
    // Row vector times a row-major matrix: axpy over contiguous rows of B.
    const acc = wideScratch(n);
    acc.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const av = a[aOff + p * aCs]!;
      if (av === 0) continue;
      const row = bOff + p * bRs;
      for (let j = 0; j < n; j++) acc[j]! += av * b[row + j]!;
    }
    for (let j = 0; j < n; j++) c[cOff + j] = accumulate ? c[cOff + j]! + acc[j]! : acc[j]!;
    return;
  }
  if (n === 1 && aCs !== 1 && aRs === 1 && m > 1) {
    // Column-major A times a vector: axpy over contiguous columns of A.
    const acc = wideScratch(m);
    acc.fill(0, 0, m);
    for (let p = 0; p < k; p++) {
      const bv = b[bOff + p * bRs]!;
      if (bv === 0) continue;
      const col = aOff + p * aCs;
      for (let i = 0; i < m; i++) acc[i]! += a[col + i]! * bv;
    }
    for (let i = 0; i < m; i++) c[cOff + i * cRs] = accumulate ? c[cOff + i * cRs]! + acc[i]! : acc[i]!;
    return;
  }
  for (let i = 0; i < m; i++) {
    const rowA = aOff + i * aRs;
    for (let j = 0; j < n; j++) {
      let s = 0;
      let ai = rowA;
      let bi = bOff + j * bCs;
      for (let p = 0; p < k; p++) {
        s += a[ai]! * b[bi]!;
        ai += aCs;
        bi += bRs;
      }
      const ci = cOff + i * cRs + j;
      c[ci] = accumulate ? c[ci]! + s : s;
    }
  }
}

function blocked(
  m: number,
  n: number,
  k: number,
  a: NumericArray,
  aOff: number,
  aRs: number,
  aCs: number,
  b: NumericArray,
  bOff: number,
  bRs: number,
  bCs: number,
  c: FloatArray,
  cOff: number,
  cRs: number,
  accumulate: boolean,
): void {
  const kcMax = Math.min(k, KC);
  const ncMax = Math.min(roundUp(n, NR), NC);
  const mcMax = Math.min(roundUp(m, MR), MC);
  const simd = simdKernel();
  const wasm = simd !== null && simd.reserve(kcMax * mcMax, kcMax * ncMax, mcMax * ncMax);
  if (!wasm && packB.length < kcMax * ncMax) packB = new Float64Array(kcMax * ncMax);
  if (!wasm && packA.length < kcMax * mcMax) packA = new Float64Array(kcMax * mcMax);
  const pa = wasm ? simd.pa : packA;
  const pb = wasm ? simd.pb : packB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const add = accumulate || pc > 0;
      for (let j0 = 0; j0 < nc; j0 += NR) {
        packPanelB(b, bOff + pc * bRs + (jc + j0) * bCs, bRs, bCs, Math.min(NR, nc - j0), kc, pb, (j0 / NR) * kc * NR);
      }
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        for (let i0 = 0; i0 < mc; i0 += MR) {
          packPanelA(
            a,
            aOff + (ic + i0) * aRs + pc * aCs,
            aRs,
            aCs,
            Math.min(MR, mc - i0),
            kc,
            pa,
            (i0 / MR) * kc * MR,
          );
        }
        if (wasm) simd.multiply(mc, nc, kc, ncMax, c, cOff + ic * cRs + jc, cRs, add);
        else multiplyPacked(mc, nc, kc, pa, pb, c, cOff + ic * cRs + jc, cRs, add);
      }
    }
  }
}

/** `x` rounded up to a multiple of `to`. */
export function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

/** Elements of a packed `k × n` B operand for `gemmPackedB`: ⌈n/NR⌉ panels of `k × NR`. */
export function packedBSize(k: number, n: number): number {
  return roundUp(n, NR) * k;
}

/**
 * `C (+)= A · Bp` where B is already packed (`Bp[(j / NR)·k·NR + p·NR + j % NR]` holds element
 * `(p, j)`), e.g. written straight from an image by `im2colPacked`. A is read with any strides.
 * The whole depth `k` is accumulated in registers (double) before C is touched.
 */
export function gemmPackedB(
  m: number,
  n: number,
  k: number,
  a: NumericArray,
  aOff: number,
  aRs: number,
  aCs: number,
  pb: Float64Array,
  c: FloatArray,
  cOff: number,
  cRs: number,
  accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOff + i * cRs, cOff + i * cRs + n);
    return;
  }
  const mcMax = Math.min(roundUp(m, MR), MC);
  const size = packedBSize(k, n);
  const ldw = roundUp(n, NR);
  const simd = simdKernel();
  const wasm = simd !== null && simd.reserve(k * mcMax, size, mcMax * ldw);
  if (wasm) simd.pb.set(pb.subarray(0, size));
  else if (packA.length < k * mcMax) packA = new Float64Array(k * mcMax);
  const pa = wasm ? simd.pa : packA;
  for (let ic = 0; ic < m; ic += MC) {
    const mc = Math.min(MC, m - ic);
    for (let i0 = 0; i0 < mc; i0 += MR) {
      packPanelA(a, aOff + (ic + i0) * aRs, aRs, aCs, Math.min(MR, mc - i0), k, pa, (i0 / MR) * k * MR);
    }
    if (wasm) simd.multiply(mc, n, k, ldw, c, cOff + ic * cRs, cRs, accumulate);
    else multiplyPacked(mc, n, k, pa, pb, c, cOff + ic * cRs, cRs, accumulate);
  }
}

/**
 * Integer `C += A · B` with int32 wrap-around (as PyTorch's int32 matmul), same strides as `gemm`;
 * `C` must start zeroed for a plain product.
 */
export function gemmInt32(
  m: number,
  n: number,
  k: number,
  a: Int32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Int32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Int32Array,
  cOff: number,
  cRs: number,
): void {
  for (let i = 0; i < m; i++) {
    const crow = cOff + i * cRs;
    for (let p = 0; p < k; p++) {
      const av = a[aOff + i * aRs + p * aCs]!;
      if (av === 0) continue;
      let bi = bOff + p * bRs;
      for (let j = 0; j < n; j++) {
        c[crow + j] = (c[crow + j]! + Math.imul(av, b[bi]!)) | 0;
        bi += bCs;
      }
    }
  }
}
