import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyLoop, unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `roundHalfEven(v)`. */
function roundLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = roundHalfEven(v);
  }
}

/** Rounds to the nearest integer, ties to even: 0.5 → 0, 1.5 → 2, 2.5 → 2, -2.5 → -2. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v); // ties toward +∞
  // `r - v` is exact; a tie rounded up to an odd integer goes back down to the even one.
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** CPU kernel of `Round`: nearest integer, ties to even (identity on int32 and bool). */
export const roundKernel: KernelFn<'Round', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'int32' || dtype === 'bool' ? copyLoop : roundLoop,
);
