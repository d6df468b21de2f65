import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { binaryKernel, type RowLoop } from './binary.js';
import type { Rows } from './broadcast.js';

/** Row loop: `floatPow(x, y)`. */
export function powRows(a: TypedArray, b: TypedArray, out: TypedArray, r: Rows): void {
  const { len, count, offs, steps } = r;
  const sa = steps[0]!;
  const sb = steps[1]!;
  const oa = offs[0]!;
  const ob = offs[1]!;
  for (let k = 0, o = r.out; k < count; k++, o += len) {
    const ja = oa[k]!;
    const jb = ob[k]!;
    if (sa === 1 && sb === 1) {
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        const y = b[jb + i]!;
        out[o + i] = floatPow(x, y);
      }
    } else if (sa === 1) {
      const y = b[jb]!;
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        out[o + i] = floatPow(x, y);
      }
    } else if (sb === 1) {
      const x = a[ja]!;
      for (let i = 0; i < len; i++) {
        const y = b[jb + i]!;
        out[o + i] = floatPow(x, y);
      }
    } else {
      const x = a[ja]!;
      const y = b[jb]!;
      out.fill(floatPow(x, y), o, o + len);
    }
  }
}

/** Row loop: `intPow(x, y)`. */
export function intPowRows(a: TypedArray, b: TypedArray, out: TypedArray, r: Rows): void {
  const { len, count, offs, steps } = r;
  const sa = steps[0]!;
  const sb = steps[1]!;
  const oa = offs[0]!;
  const ob = offs[1]!;
  for (let k = 0, o = r.out; k < count; k++, o += len) {
    const ja = oa[k]!;
    const jb = ob[k]!;
    if (sa === 1 && sb === 1) {
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        const y = b[jb + i]!;
        out[o + i] = intPow(x, y);
      }
    } else if (sa === 1) {
      const y = b[jb]!;
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        out[o + i] = intPow(x, y);
      }
    } else if (sb === 1) {
      const x = a[ja]!;
      for (let i = 0; i < len; i++) {
        const y = b[jb + i]!;
        out[o + i] = intPow(x, y);
      }
    } else {
      const x = a[ja]!;
      const y = b[jb]!;
      out.fill(intPow(x, y), o, o + len);
    }
  }
}

/**
 * `x ** y` for floats with C's (and PyTorch's) special cases where `Math.pow` differs:
 * `1 ** y = 1` and `(-1) ** ±∞ = 1`, even for NaN or infinite `y` (`Math.pow` gives NaN).
 */
export function floatPow(x: number, y: number): number {
  const p = Math.pow(x, y);
  if (p === p) return p;
  return x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : p;
}

/**
 * `base ** exp` for int32 values, exact modulo 2³² like a 32-bit integer multiply. A negative
 * exponent gives 1 for base 1, ±1 for base -1, and 0 otherwise (as PyTorch's integer pow).
 */
export function intPow(base: number, exp: number): number {
  if (exp < 0) return base === 1 ? 1 : base === -1 ? (exp & 1 ? -1 : 1) : 0;
  let result = 1;
  let b = base;
  for (let e = exp; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, b);
    b = Math.imul(b, b);
  }
  return result;
}

/** CPU kernel of `Pow`: `a ** b` (C `pow` semantics for floats; int32 by repeated squaring, wrapping like 32-bit integers), broadcasting. */
export const powKernel: KernelFn<'Pow', CpuBackend> = binaryKernel('Pow', (dtype: DType): RowLoop =>
  dtype === 'int32' ? intPowRows : powRows,
);
